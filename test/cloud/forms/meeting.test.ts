import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { type Harness, makeHarness } from '../../support/harness';
import { MONDAY_10, prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';
import { startTencentMeetingStandIn, type StandInAccount, type TencentMeetingStandIn } from '../../support/tencent-meeting-standin';

const account: StandInAccount = { secretId: 'AKIDformsStandIn', secretKey: 'formsStandInKey', appId: '200000164', sdkId: '18000000147' };

describe('meetings through the Tencent Meeting REST API (R12)', () => {
  let standIn: TencentMeetingStandIn;
  let h: Harness;
  beforeEach(async () => {
    standIn = await startTencentMeetingStandIn(account);
    h = await makeHarness({ config: { tencentMeeting: { ...account, baseUrl: standIn.baseUrl, userId: 'office-inspections' } } });
  });
  afterEach(async () => {
    h.close();
    await standIn.close();
  });

  test('booking creates the meeting for the slot, named after the group label, and the card carries its code', async () => {
    const c = await prepared.offered(h);
    const booked = await h.ok('applicant', 'bookSlot', { ...ref(c), start: MONDAY_10 });
    expect(standIn.created).toHaveLength(1);
    const [{ body }] = standIn.created;
    expect(body).toMatchObject({
      userid: 'office-inspections', type: 0, subject: c.groupLabel,
      start_time: String(Date.parse(MONDAY_10) / 1000), end_time: String(Date.parse(MONDAY_10) / 1000 + 3600),
    });
    expect(booked.meeting).toMatchObject({
      meetingCode: expect.stringMatching(/^\d{9}$/),
      joinUrl: expect.stringMatching(/^https:\/\/meeting\.tencent\.com\/dm\//),
      miniProgram: { appId: 'wx33fd6cdc62520063', path: expect.stringContaining(`nm=${encodeURIComponent(c.groupLabel!)}`) },
    });
    const stored = (await h.deps.store.get<CaseRecord>('cases', c.id))!.meeting!;
    expect(stored).toMatchObject({ provider: 'tencent-rest', meetingId: expect.stringMatching(/^\d+$/), meetingCode: booked.meeting!.meetingCode });
    // The observer's and the contact's card is the same card.
    expect((await h.ok('supervisor', 'getGroup', { caseId: c.id })).meeting).toEqual(booked.meeting);
  });

  test('a refusal from Tencent keeps the booking; the handler is told and creates the meeting again', async () => {
    const log = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const c = await prepared.offered(h);
    standIn.script({ serviceError: { status: 500, errorCode: 9008, message: '创建会议超过频率限制' } });
    const booked = await h.ok('applicant', 'bookSlot', { ...ref(c), start: MONDAY_10 });
    expect(booked.case.state).toBe('scheduled');
    expect(booked.meeting).toEqual({ start: MONDAY_10, end: '2026-06-15T03:00:00.000Z' });
    const told = (await h.deps.store.find<OutboxMessage>('outbox', { where: { to: 'staff', event: 'timePicked' } }))[0]!;
    expect(told.body).toContain('腾讯会议未能自动创建');

    standIn.script({ serviceError: { status: 500, errorCode: 9008, message: '创建会议超过频率限制' } });
    const failed = await h.call('staff', 'createMeeting', ref(booked.case));
    expect(failed).toMatchObject({ ok: false, code: 'MEETING_FAILED', message: expect.stringContaining('上限') });
    const created = await h.ok('staff', 'createMeeting', ref(booked.case));
    expect(created.meeting?.meetingCode).toMatch(/^\d{9}$/);
    // Asked again, the case keeps the meeting it has: Tencent created exactly one.
    const again = await h.ok('staff', 'createMeeting', ref(created.case));
    expect(again.meeting?.meetingCode).toBe(created.meeting?.meetingCode);
    expect(standIn.created).toHaveLength(1);
    // The log says what went wrong for whoever runs the service, and nothing about the case or its people.
    expect(log.mock.calls.map((call) => call.join(' '))).toEqual([expect.stringContaining('MEETING_REFUSED'), expect.stringContaining('MEETING_REFUSED')]);
    expect(log.mock.calls.join(' ')).not.toContain('张三');
    log.mockRestore();
  });
});

describe('meeting codes pasted by the handler', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  test('without Tencent Meeting configured, booking leaves the code to the handler', async () => {
    const c = await prepared.scheduled(h);
    expect(await h.call('staff', 'createMeeting', ref(c))).toMatchObject({ ok: false, code: 'MEETING_FAILED', message: expect.stringContaining('未配置') });
    const set = await h.ok('staff', 'setMeetingManually', { ...ref(c), pasted: '１２３ ４５６ ７８９' });
    expect(set.meeting).toMatchObject({ meetingCode: '123456789', miniProgram: { path: expect.stringContaining('code=123456789') } });
    expect(set.meeting?.joinUrl).toBeUndefined();
  });

  test.each([
    ['a code of the wrong length', '12345678', '9 位数字'],
    ['a link to another site', 'https://meeting.example.com/dm/AbCdEf', '只接受腾讯会议'],
    ['a link without the code', 'https://meeting.tencent.com/dm/AbCdEf123', '会议号'],
    ['two meetings at once', '#腾讯会议：123-456-789\n#腾讯会议：987-654-321', '多个不同的会议号'],
  ])('refuses %s with a message the officer understands, and changes nothing', async (_, pasted, message) => {
    const c = await prepared.scheduled(h);
    const r = await h.call('staff', 'setMeetingManually', { ...ref(c), pasted });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining(message) });
    expect((await h.deps.store.get<CaseRecord>('cases', c.id))!.meeting).toBeUndefined();
  });

  test('a corrected code replaces the earlier one, and the audit keeps both', async () => {
    const c = await prepared.scheduled(h);
    const first = await h.ok('staff', 'setMeetingManually', { ...ref(c), pasted: '111 222 333' });
    const second = await h.ok('staff', 'setMeetingManually', { ...ref(first.case), pasted: '#腾讯会议：444-555-666' });
    expect(second.meeting?.meetingCode).toBe('444555666');
    expect(second.case.timeline.at(-1)).toMatchObject({ actionLabel: '填写腾讯会议号', note: '会议号 444555666（原会议号 111222333）' });
  });

  test('a meeting is set only for a booked slot, and only by the handler', async () => {
    const ready = await prepared.ready(h);
    expect(await h.call('staff', 'setMeetingManually', { ...ref(ready), pasted: '123456789' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const c = await prepared.scheduled(h);
    expect(await h.call('otherStaff', 'setMeetingManually', { ...ref(c), pasted: '123456789' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
