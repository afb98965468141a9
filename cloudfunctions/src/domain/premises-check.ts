// Is the applicant at the declared premises (R8)? Distance between the pinned premises and where the applicant's
// phone is when the inspection starts, kept in the record; a threshold flags it for the handler's attention.
//
// Both points are GCJ-02, as WeChat returns them (wx.getLocation type 'gcj02', wx.chooseLocation, Tencent Map
// geocoding). GCJ-02's offset from WGS-84 is nearly the same for two points a few hundred metres apart, so a
// distance measured in GCJ-02 is within 1% of the true one (at most about 6 m per km across mainland China);
// points in the same datum are therefore compared directly, without conversion.

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A phone's fix; accuracy is WeChat's horizontal accuracy in metres (radius), absent when not reported. */
export interface ReportedLocation extends GeoPoint {
  accuracy?: number | null;
}

export interface PremisesLocationCheck {
  /** Whole metres, as recorded and as compared with the threshold. */
  distanceMeters: number;
  /** Whole metres, null when the phone did not report it. */
  accuracyMeters: number | null;
  flagged: boolean;
  /** Why it is or is not flagged, for the record and the handler. */
  accuracyNote: string;
}

// Mean Earth radius (IUGG); the sphere is within 0.5% of the ellipsoid, ample against a threshold of hundreds of metres.
const EARTH_RADIUS_METERS = 6_371_008.8;

export function haversineMeters(a: GeoPoint, b: GeoPoint): number {
  requirePoint(a);
  requirePoint(b);
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The rule: the true position lies within `accuracy` metres of the reported one. Flagged when even the nearest
 * point of that circle is farther than the threshold (distance − accuracy > threshold), so indoor GPS drift does
 * not flag an applicant who is there; and flagged when the circle is wider than the threshold, because so coarse a
 * fix (cell tower, IP) can neither confirm nor refute the presence and must not become a way around the check.
 * Without a reported accuracy the reported point is taken as is.
 */
export function checkPremisesLocation(pinned: GeoPoint, actual: ReportedLocation, thresholdMeters: number): PremisesLocationCheck {
  if (!Number.isFinite(thresholdMeters) || thresholdMeters <= 0) throw new RangeError(`threshold must be positive: ${thresholdMeters}`);
  const distanceMeters = Math.round(haversineMeters(pinned, actual));
  const threshold = Math.round(thresholdMeters);
  const reported = actual.accuracy;
  if (reported == null || !Number.isFinite(reported) || reported < 0) {
    const flagged = distanceMeters > threshold;
    return {
      distanceMeters,
      accuracyMeters: null,
      flagged,
      accuracyNote: `未获得定位精度，按定位点计算：距申报经营场所 ${distanceMeters} 米，${flagged ? '超出' : '未超出'} ${threshold} 米阈值`,
    };
  }
  const accuracyMeters = Math.round(reported);
  if (accuracyMeters > threshold) {
    return {
      distanceMeters,
      accuracyMeters,
      flagged: true,
      accuracyNote: `定位精度为 ±${accuracyMeters} 米，大于 ${threshold} 米阈值，无法确认是否在申报经营场所，请视频核实`,
    };
  }
  const flagged = distanceMeters - accuracyMeters > threshold;
  return {
    distanceMeters,
    accuracyMeters,
    flagged,
    accuracyNote: flagged
      ? `距申报经营场所 ${distanceMeters} 米，扣除定位精度 ±${accuracyMeters} 米后仍超出 ${threshold} 米阈值`
      : distanceMeters > threshold
        ? `距申报经营场所 ${distanceMeters} 米，超出 ${threshold} 米阈值的部分在定位精度 ±${accuracyMeters} 米以内，不作标记`
        : `距申报经营场所 ${distanceMeters} 米，在 ${threshold} 米阈值以内（定位精度 ±${accuracyMeters} 米）`,
  };
}

function requirePoint(p: GeoPoint): void {
  const ok = Number.isFinite(p.latitude) && Math.abs(p.latitude) <= 90 && Number.isFinite(p.longitude) && Math.abs(p.longitude) <= 180;
  if (!ok) throw new RangeError(`invalid coordinates: ${p.latitude}, ${p.longitude}`);
}
