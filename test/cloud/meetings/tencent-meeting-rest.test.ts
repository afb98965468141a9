import {
  signTencentMeetingRequest,
  TencentMeetingRest,
  type TencentMeetingConfig,
} from '../../../cloudfunctions/src/adapters/tencent-meeting/tencent-meeting-rest';
import type { Clock } from '../../../cloudfunctions/src/ports/clock';
import { MeetingError, type MeetingErrorCode, type MeetingRequest } from '../../../cloudfunctions/src/ports/meetings';
import {
  startTencentMeetingStandIn,
  type StandInAccount,
  type TencentMeetingStandIn,
} from '../../support/tencent-meeting-standin';

const account: StandInAccount = {
  secretId: 'AKIDstandInSecretId',
  secretKey: 'standInSecretKey',
  appId: '200000164',
  sdkId: '18000000147',
};

const slot: MeetingRequest = {
  subject: '二次供水单位卫生许可-远程踏勘-DL-20260612-0007',
  start: new Date('2026-06-12T01:30:00Z'),
  end: new Date('2026-06-12T02:30:00Z'),
};

const skewedClock = (minutes: number): Clock => ({ now: () => new Date(Date.now() + minutes * 60_000) });

async function expectMeetingError(promise: Promise<unknown>, code: MeetingErrorCode): Promise<MeetingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MeetingError);
  expect((error as MeetingError).code).toBe(code);
  expect((error as MeetingError).message).toMatch(/[\u4e00-\u9fa5]/);
  return error as MeetingError;
}

describe('TencentMeetingRest against the stand-in', () => {
  let standIn: TencentMeetingStandIn;
  let config: TencentMeetingConfig;

  beforeEach(async () => {
    standIn = await startTencentMeetingStandIn(account);
    config = { ...account, baseUrl: standIn.baseUrl, userId: 'office-inspections' };
  });
  afterEach(() => standIn.close());

  it('creates a scheduled meeting for the slot and returns its code and link', async () => {
    const meeting = await new TencentMeetingRest(config).createMeeting(slot);

    expect(meeting).toEqual({
      provider: 'tencent-rest',
      meetingId: expect.stringMatching(/^\d+$/),
      meetingCode: expect.stringMatching(/^\d{9}$/),
      joinUrl: expect.stringMatching(/^https:\/\/meeting\.tencent\.com\/dm\//),
    });
    expect(standIn.created).toHaveLength(1);
    const [{ headers, body }] = standIn.created;
    expect(body).toEqual({
      userid: 'office-inspections',
      instanceid: 1,
      subject: slot.subject,
      type: 0,
      start_time: '1781227800',
      end_time: '1781231400',
    });
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-TC-Key': account.secretId,
      AppId: account.appId,
      SdkId: account.sdkId,
      'X-TC-Registered': '1',
    });
    expect(Math.abs(Number(headers['X-TC-Timestamp']) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('creates the meeting for the named host when the request names one', async () => {
    await new TencentMeetingRest(config).createMeeting({ ...slot, hostUserId: 'zhang.wei' });
    expect(standIn.created[0].body.userid).toBe('zhang.wei');
  });

  it('passes on the password the service gives the meeting', async () => {
    await standIn.close();
    standIn = await startTencentMeetingStandIn({ ...account, meetingPassword: '4821' });
    const meeting = await new TencentMeetingRest({ ...config, baseUrl: standIn.baseUrl }).createMeeting(slot);
    expect(meeting.password).toBe('4821');
  });

  it('sends no SdkId header for an account that was issued none', async () => {
    await standIn.close();
    const { sdkId: _unused, ...withoutSdk } = account;
    standIn = await startTencentMeetingStandIn(withoutSdk);
    const { sdkId: _alsoUnused, ...configWithoutSdk } = config;
    await new TencentMeetingRest({ ...configWithoutSdk, baseUrl: standIn.baseUrl }).createMeeting(slot);
    expect(Object.keys(standIn.created[0].headers)).not.toContain('SdkId');
  });

  it('signs a fresh nonce for every call, so two creates in the same second both pass the replay check', async () => {
    const meetings = new TencentMeetingRest(config);
    const [a, b] = await Promise.all([meetings.createMeeting(slot), meetings.createMeeting(slot)]);
    expect(a.meetingCode).not.toBe(b.meetingCode);
    expect(standIn.created[0].headers['X-TC-Nonce']).not.toBe(standIn.created[1].headers['X-TC-Nonce']);
  });

  it('is refused with MEETING_AUTH_FAILED when the secret key is wrong (signature mismatch)', async () => {
    const error = await expectMeetingError(
      new TencentMeetingRest({ ...config, secretKey: 'not-the-key' }).createMeeting(slot),
      'MEETING_AUTH_FAILED',
    );
    expect(error.serviceCode).toBe(200003);
    expect(standIn.created).toHaveLength(0);
  });

  it('is refused with MEETING_AUTH_FAILED when the secret id or enterprise id is wrong', async () => {
    const wrongId = await expectMeetingError(
      new TencentMeetingRest({ ...config, secretId: 'AKIDsomeoneElse' }).createMeeting(slot),
      'MEETING_AUTH_FAILED',
    );
    expect(wrongId.serviceCode).toBe(190303);
    await expectMeetingError(new TencentMeetingRest({ ...config, appId: '1' }).createMeeting(slot), 'MEETING_AUTH_FAILED');
  });

  it('is refused with MEETING_CLOCK_SKEW when our clock is more than 5 minutes off, and passes within it', async () => {
    const behind = await expectMeetingError(
      new TencentMeetingRest(config, skewedClock(-6)).createMeeting(slot),
      'MEETING_CLOCK_SKEW',
    );
    expect(behind.serviceCode).toBe(190300);
    await expectMeetingError(new TencentMeetingRest(config, skewedClock(6)).createMeeting(slot), 'MEETING_CLOCK_SKEW');
    await expect(new TencentMeetingRest(config, skewedClock(4)).createMeeting(slot)).resolves.toMatchObject({
      provider: 'tencent-rest',
    });
  });

  it("maps the service's error_info to MEETING_REFUSED with a Chinese message and keeps the service's code", async () => {
    standIn.script({ serviceError: { status: 500, errorCode: 9008, message: '创建会议数量超过限制' } });
    const error = await expectMeetingError(new TencentMeetingRest(config).createMeeting(slot), 'MEETING_REFUSED');
    expect(error.serviceCode).toBe(9008);
    expect(error.message).toContain('上限');
    expect(error.detail).toBe('HTTP 500, error_code 9008: 创建会议数量超过限制');
  });

  it('names the code of a refusal it has no words for', async () => {
    standIn.script({ serviceError: { status: 500, errorCode: 9042, message: 'no permission' } });
    const error = await expectMeetingError(new TencentMeetingRest(config).createMeeting(slot), 'MEETING_REFUSED');
    expect(error.message).toContain('9042');
  });

  it('gives up with MEETING_TIMEOUT when the service does not answer in time', async () => {
    standIn.script({ delayMs: 2_000 });
    const startedAt = Date.now();
    await expectMeetingError(
      new TencentMeetingRest({ ...config, timeoutMs: 200 }).createMeeting(slot),
      'MEETING_TIMEOUT',
    );
    expect(Date.now() - startedAt).toBeLessThan(1_500);
  });

  it('reports MEETING_BAD_RESPONSE for a success whose body is not JSON', async () => {
    standIn.script({ raw: { status: 200, body: '<html>ok</html>', contentType: 'text/html' } });
    await expectMeetingError(new TencentMeetingRest(config).createMeeting(slot), 'MEETING_BAD_RESPONSE');
  });

  it('reports MEETING_BAD_RESPONSE for a success without a usable meeting', async () => {
    standIn.script({
      raw: {
        status: 200,
        body: JSON.stringify({ meeting_number: 1, meeting_info_list: [{ meeting_id: '1', meeting_code: '12345' }] }),
        contentType: 'application/json',
      },
    });
    const error = await expectMeetingError(new TencentMeetingRest(config).createMeeting(slot), 'MEETING_BAD_RESPONSE');
    expect(error.detail).toContain('meeting_code');

    standIn.script({ raw: { status: 200, body: '{"meeting_number":0,"meeting_info_list":[]}', contentType: 'application/json' } });
    await expectMeetingError(new TencentMeetingRest(config).createMeeting(slot), 'MEETING_BAD_RESPONSE');
  });

  it('reports MEETING_UNAVAILABLE for an HTTP error without the service error body', async () => {
    standIn.script({ raw: { status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' } });
    const error = await expectMeetingError(new TencentMeetingRest(config).createMeeting(slot), 'MEETING_UNAVAILABLE');
    expect(error.detail).toBe('HTTP 502 without error_info');
  });

  it('reports MEETING_UNAVAILABLE when nothing listens', async () => {
    const baseUrl = standIn.baseUrl;
    await standIn.close();
    await expectMeetingError(new TencentMeetingRest({ ...config, baseUrl }).createMeeting(slot), 'MEETING_UNAVAILABLE');
    standIn = await startTencentMeetingStandIn(account);
  });

  it('refuses a slot that ends before it starts without calling the service', async () => {
    await expectMeetingError(
      new TencentMeetingRest(config).createMeeting({ ...slot, end: slot.start }),
      'MEETING_INPUT_INVALID',
    );
    expect(standIn.created).toHaveLength(0);
  });

  it('will not send credentials over plain http except to loopback', () => {
    expect(() => new TencentMeetingRest({ ...config, baseUrl: 'http://api.meeting.qq.com' })).toThrow(/https/);
    expect(() => new TencentMeetingRest({ ...config, secretKey: '' })).toThrow(/secretKey/);
  });
});

describe('the stand-in is as strict as the service', () => {
  let standIn: TencentMeetingStandIn;
  beforeEach(async () => {
    standIn = await startTencentMeetingStandIn(account);
  });
  afterEach(() => standIn.close());

  const body = JSON.stringify({
    userid: 'office-inspections',
    instanceid: 1,
    subject: '踏勘',
    type: 0,
    start_time: '1781227800',
    end_time: '1781231400',
  });

  function signedHeaders(nonce = '424242'): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { secretId, secretKey } = account;
    return {
      'Content-Type': 'application/json',
      'X-TC-Key': secretId,
      'X-TC-Timestamp': timestamp,
      'X-TC-Nonce': nonce,
      'X-TC-Signature': signTencentMeetingRequest({ method: 'POST', uri: '/v1/meetings', body, secretId, secretKey, nonce, timestamp }),
      AppId: account.appId,
      SdkId: account.sdkId ?? '',
      'X-TC-Registered': '1',
    };
  }

  const post = (headers: Record<string, string>, payload = body) =>
    fetch(`${standIn.baseUrl}/v1/meetings`, { method: 'POST', headers, body: payload });
  const errorCodeOf = async (response: Response) =>
    ((await response.json()) as { error_info: { error_code: number } }).error_info.error_code;

  it('answers a missing AppId with 400 and error_info 190303', async () => {
    const { AppId: _dropped, ...headers } = signedHeaders();
    const response = await post(headers);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_info: { error_code: 190303, message: expect.any(String) } });
  });

  it('reads header names case-sensitively, as documented', async () => {
    const { AppId: appId, ...headers } = signedHeaders();
    const response = await post({ ...headers, appid: appId });
    expect(await errorCodeOf(response)).toBe(190303);
  });

  it('refuses a body changed after signing (200003) and a replayed nonce (190301)', async () => {
    const headers = signedHeaders('777');
    expect(await errorCodeOf(await post(headers, body.replace('踏勘', '篡改')))).toBe(200003);
    expect((await post(headers)).status).toBe(200);
    const replay = await post(headers);
    expect(replay.status).toBe(400);
    expect(await errorCodeOf(replay)).toBe(190301);
  });

  it('refuses X-TC-Registered other than 1 with 190004', async () => {
    const response = await post({ ...signedHeaders(), 'X-TC-Registered': '0' });
    expect(await errorCodeOf(response)).toBe(190004);
  });

  it('fails loudly for any call it does not implement', async () => {
    const response = await fetch(`${standIn.baseUrl}/v1/records`);
    expect(response.status).toBe(501);
  });
});
