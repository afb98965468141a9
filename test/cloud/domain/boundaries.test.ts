import { parseMeetingPaste, tencentMeetingMiniProgramPath } from '../../../cloudfunctions/src/domain/meeting-code';
import { checkPremisesLocation, haversineMeters } from '../../../cloudfunctions/src/domain/premises-check';
import { checkSessionCode, generateSessionCode } from '../../../cloudfunctions/src/domain/session-code';
import { addWorkingDays, isWorkingDay } from '../../../cloudfunctions/src/domain/working-days';

// The edges of the domain rules that the mutation run (npm run mutation) showed no test pinned: each example sits on
// the boundary a changed comparison or a dropped condition would move.

describe('session code results', () => {
  const issuedAt = new Date('2026-06-15T02:00:00Z');
  const issued = { code: '482913', issuedAt, usedAt: null };
  test('used, expired and wrong codes each say so, whole', () => {
    expect(checkSessionCode({ ...issued, usedAt: issuedAt }, '482913', issuedAt)).toEqual({ ok: false, reason: 'USED', message: '该会话码已使用，请向审批人员索取新的会话码' });
    expect(checkSessionCode(issued, '482913', new Date(issuedAt.getTime() + 30 * 60 * 1000 + 1))).toEqual({ ok: false, reason: 'EXPIRED', message: '会话码已过期，请向审批人员索取新的会话码' });
    expect(checkSessionCode(issued, '482914', issuedAt)).toEqual({ ok: false, reason: 'MISMATCH', message: '会话码不正确，请核对后重新输入' });
    expect(checkSessionCode(issued, '482913', new Date(issuedAt.getTime() + 30 * 60 * 1000))).toEqual({ ok: true });
  });
  test('a broken random source is given eight draws of twelve bytes, then refused', () => {
    const sizes: number[] = [];
    expect(() => generateSessionCode((size) => (sizes.push(size), new Uint8Array(size).fill(255)))).toThrow('random source returned too few usable bytes');
    expect(sizes).toEqual(Array(8).fill(12));
  });
  test('one draw suffices when half its bytes are rejected', () => {
    let draws = 0;
    const code = generateSessionCode((size) => (draws++, Uint8Array.from({ length: size }, (_, i) => (i % 2 ? 250 : i))));
    expect([code, draws]).toEqual(['024680', 1]);
  });
});

describe('the premises check at its edges', () => {
  const pinned = { latitude: 39.0892, longitude: 117.3121 };
  /** A point due north of the pin, `meters` away (whole metres after rounding). */
  const north = (meters: number) => ({ latitude: pinned.latitude + (meters / 6_371_008.8) * (180 / Math.PI), longitude: pinned.longitude });
  test('exactly at the threshold is not beyond it, with or without an accuracy', () => {
    expect(Math.round(haversineMeters(pinned, north(300)))).toBe(300);
    expect(checkPremisesLocation(pinned, north(300), 300)).toMatchObject({ distanceMeters: 300, accuracyMeters: null, flagged: false });
    expect(checkPremisesLocation(pinned, north(300), 300).accuracyNote).toContain('未超出 300 米阈值');
    expect(checkPremisesLocation(pinned, north(301), 300).accuracyNote).toMatch(/，超出 300 米阈值/);
    expect(checkPremisesLocation(pinned, { ...north(300), accuracy: 0 }, 300)).toMatchObject({
      accuracyMeters: 0, flagged: false, accuracyNote: '距申报经营场所 300 米，在 300 米阈值以内（定位精度 ±0 米）',
    });
  });
  test('an accuracy equal to the threshold still allows a check; a negative or non-number one counts as none', () => {
    expect(checkPremisesLocation(pinned, { ...pinned, accuracy: 300 }, 300)).toMatchObject({ accuracyMeters: 300, flagged: false });
    expect(checkPremisesLocation(pinned, { ...pinned, accuracy: 301 }, 300)).toMatchObject({ accuracyMeters: 301, flagged: true });
    for (const accuracy of [-1, Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(checkPremisesLocation(pinned, { ...north(500), accuracy }, 300)).toMatchObject({ accuracyMeters: null, flagged: true });
    }
  });
  test('the poles and the antimeridian are coordinates; past them are not; the threshold must be positive', () => {
    expect(() => checkPremisesLocation(pinned, { latitude: 90, longitude: 180 }, 300)).not.toThrow();
    expect(() => checkPremisesLocation(pinned, { latitude: -90, longitude: -180 }, 300)).not.toThrow();
    expect(() => checkPremisesLocation(pinned, { latitude: 90.1, longitude: 0 }, 300)).toThrow('invalid coordinates: 90.1, 0');
    expect(() => checkPremisesLocation(pinned, { latitude: 0, longitude: 180.1 }, 300)).toThrow('invalid coordinates: 0, 180.1');
    expect(() => checkPremisesLocation(pinned, pinned, 0)).toThrow('threshold must be positive: 0');
  });
});

describe('working days: what is refused', () => {
  const cal = { holidays: [], adjustedWorkdays: [] };
  test.each(['2026-02-30', '2026-2-3', '2026-02-03T00:00', 'not a date'])('%s is not a date', (text) => {
    expect(() => isWorkingDay(text, cal)).toThrow(`not a YYYY-MM-DD date: ${text}`);
  });
  test('an invalid instant and a count below one are refused with what was wrong', () => {
    expect(() => isWorkingDay(new Date('nonsense'), cal)).toThrow('invalid date');
    expect(() => addWorkingDays(new Date('2026-06-15T02:00:00Z'), 0, cal)).toThrow('working days must be a positive integer: 0');
  });
});

describe('meeting codes at their edges', () => {
  test('a code of ten digits is too long and says so; of eight, too short', () => {
    expect(parseMeetingPaste('1234567890')).toMatchObject({ ok: false, reason: 'code-length', message: expect.stringContaining('这里是 10 位') });
    expect(parseMeetingPaste('12345678')).toMatchObject({ ok: false, reason: 'code-length', message: expect.stringContaining('这里只有 8 位') });
  });
  test('a link ending a sentence loses its full stops, and only what was found is answered', () => {
    // Strictly: a field not found is absent, not present as undefined.
    expect(parseMeetingPaste('请点击链接入会 https://meeting.tencent.com/dm/AbCdEf12..')).toStrictEqual({ ok: true, joinUrl: 'https://meeting.tencent.com/dm/AbCdEf12' });
    expect(parseMeetingPaste('#腾讯会议：123-456-789')).toStrictEqual({ ok: true, meetingCode: '123456789' });
  });
  test('a link that is not one is named in the refusal', () => {
    expect(parseMeetingPaste('入会 https://[bad')).toEqual({ ok: false, reason: 'not-a-join-link', message: '无法识别链接：https://[bad' });
  });
  test('the Mini Program path takes exactly nine digits', () => {
    expect(() => tencentMeetingMiniProgramPath({ meetingCode: '1234567890', nickname: 'x' })).toThrow('not a 9-digit meeting code: 1234567890');
    expect(() => tencentMeetingMiniProgramPath({ meetingCode: 'x123456789', nickname: 'x' })).toThrow('not a 9-digit meeting code: x123456789');
  });
});
