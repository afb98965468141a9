import { configFromEnv } from '../../../cloudfunctions/src/config';
import { bookingRefusal, parseOfficeHours, slotStartingAt } from '../../../cloudfunctions/src/domain/inspection-slots';

describe('office hours and the officer\'s day', () => {
  test('office hours are read as China wall-clock windows, in order', () => {
    expect(parseOfficeHours('13:30-17:00, 09:00-12:00')).toEqual([{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:00' }]);
  });

  test.each(['', '9:00-12:00', '12:00-09:00', '09:00-12:00,11:00-14:00', '09:00-24:00'])('refuses the office hours %j at start', (text) => {
    expect(() => parseOfficeHours(text)).toThrow(/office hours/);
  });

  test('the defaults: 09:00–12:00 and 13:30–17:00, one-hour slots, six a day, no Tencent Meeting', () => {
    const config = configFromEnv({});
    expect(config.scheduling).toEqual({ officeHours: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:00' }], slotMinutes: 60, dailyMaximum: 6 });
    expect(config.tencentMeeting).toBeUndefined();
  });

  test('Tencent Meeting is configured only with all four required credentials', () => {
    const env = { TENCENT_MEETING_SECRET_ID: 'id', TENCENT_MEETING_SECRET_KEY: 'key', TENCENT_MEETING_APP_ID: '2000', TENCENT_MEETING_USER_ID: 'owner' };
    expect(configFromEnv(env).tencentMeeting).toEqual({ secretId: 'id', secretKey: 'key', appId: '2000', userId: 'owner' });
    expect(configFromEnv({ ...env, TENCENT_MEETING_USER_ID: '' }).tencentMeeting).toBeUndefined();
    expect(configFromEnv({ ...env, TENCENT_MEETING_SDK_ID: '18' }).tencentMeeting?.sdkId).toBe('18');
  });

  test('a bad number setting stops the function at start', () => {
    expect(() => configFromEnv({ DAILY_INSPECTION_MAXIMUM: '0' })).toThrow(/DAILY_INSPECTION_MAXIMUM/);
  });

  test('a slot fits the day unless it overlaps another case\'s booking or the day is full; back-to-back is fine', () => {
    const nine = slotStartingAt(new Date('2026-06-15T01:00:00Z'), 60);
    const ten = slotStartingAt(new Date('2026-06-15T02:00:00Z'), 60);
    const half = slotStartingAt(new Date('2026-06-15T01:30:00Z'), 60);
    const day = [{ caseId: 'a', ...nine }];
    expect(bookingRefusal(day, ten, 'b', 6)).toBeNull();
    expect(bookingRefusal(day, half, 'b', 6)).toBe('overlap');
    expect(bookingRefusal(day, half, 'a', 6)).toBeNull();
    expect(bookingRefusal(day, ten, 'b', 1)).toBe('full');
  });
});
