import { checkPremisesLocation, haversineMeters } from '../../../cloudfunctions/src/domain/premises-check';

// A premises in Tianjin, and points due north of it at a given distance (one degree of latitude is 111,195 m on
// the mean-radius sphere), so the expected distances are known to the metre.
const premises = { latitude: 39.084158, longitude: 117.200983 };
const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const north = (meters: number, accuracy?: number | null) => ({
  latitude: premises.latitude + meters / METERS_PER_DEGREE,
  longitude: premises.longitude,
  accuracy,
});

describe('the distance between the premises and the applicant', () => {
  it('is the great-circle distance in metres', () => {
    expect(haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111_195.08, 1);
    expect(haversineMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(111_195.08, 1);
    expect(haversineMeters(premises, north(250))).toBeCloseTo(250, 6);
    // To Tiananmen, Beijing: 114,714.72 m by the spherical law of cosines on the same sphere, computed separately.
    expect(haversineMeters(premises, { latitude: 39.908722, longitude: 116.397499 })).toBeCloseTo(114_714.72, 1);
    expect(haversineMeters(premises, premises)).toBe(0);
  });

  it('refuses coordinates that are not on Earth', () => {
    expect(() => haversineMeters(premises, { latitude: 91, longitude: 0 })).toThrow(RangeError);
    expect(() => haversineMeters(premises, { latitude: Number.NaN, longitude: 0 })).toThrow(RangeError);
    expect(() => checkPremisesLocation(premises, north(10), 0)).toThrow(RangeError);
  });
});

describe('the premises location flag near a 300 m threshold', () => {
  it('does not flag an applicant within the threshold', () => {
    expect(checkPremisesLocation(premises, north(120, 30), 300)).toEqual({
      distanceMeters: 120,
      accuracyMeters: 30,
      flagged: false,
      accuracyNote: '距申报经营场所 120 米，在 300 米阈值以内（定位精度 ±30 米）',
    });
  });

  it('does not flag a distance just over the threshold while the excess is within the reported accuracy', () => {
    expect(checkPremisesLocation(premises, north(320, 20), 300)).toEqual(
      expect.objectContaining({ distanceMeters: 320, flagged: false, accuracyNote: expect.stringContaining('不作标记') }),
    );
  });

  it('flags a distance that exceeds the threshold by more than the reported accuracy, by a single metre', () => {
    expect(checkPremisesLocation(premises, north(321, 20), 300)).toEqual({
      distanceMeters: 321,
      accuracyMeters: 20,
      flagged: true,
      accuracyNote: '距申报经营场所 321 米，扣除定位精度 ±20 米后仍超出 300 米阈值',
    });
  });

  it('compares in whole metres, as the record shows them', () => {
    expect(checkPremisesLocation(premises, north(300.4), 300).flagged).toBe(false);
    expect(checkPremisesLocation(premises, north(300.6), 300)).toEqual(expect.objectContaining({ distanceMeters: 301, flagged: true }));
  });

  it('takes the reported point as is when the phone gave no accuracy', () => {
    expect(checkPremisesLocation(premises, north(300), 300)).toEqual(
      expect.objectContaining({ distanceMeters: 300, accuracyMeters: null, flagged: false, accuracyNote: expect.stringContaining('未获得定位精度') }),
    );
    expect(checkPremisesLocation(premises, north(301, null), 300).flagged).toBe(true);
  });

  it('flags a fix too coarse to confirm the presence, even when its point is at the premises', () => {
    expect(checkPremisesLocation(premises, north(5, 1500), 300)).toEqual({
      distanceMeters: 5,
      accuracyMeters: 1500,
      flagged: true,
      accuracyNote: '定位精度为 ±1500 米，大于 300 米阈值，无法确认是否在申报经营场所，请视频核实',
    });
  });
});
