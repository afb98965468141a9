import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { deliverOutbox } from '../../../cloudfunctions/src/application/deliver-outbox';
import type { FollowUpRecord } from '../../../cloudfunctions/src/application/follow-ups';
import { queueReminders } from '../../../cloudfunctions/src/application/reminders';
import { parseSubscribeTemplates } from '../../../cloudfunctions/src/catalogue/message-catalogue';
import { composeLocal } from '../../../cloudfunctions/src/compose/local';
import { configFromEnv } from '../../../cloudfunctions/src/config';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { chinaTime } from '../../../cloudfunctions/src/domain/china-time';
import type { Query } from '../../../cloudfunctions/src/ports/store';
import type { SubscribeMessage } from '../../../cloudfunctions/src/ports/subscriber';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { storeWith } from '../../support/store-with';

// The reminders of the `reminders` timer: each is due on its own rule (China time, working days) and, however many
// sweeps find it due, is queued once.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const at = (chinaWallClock: string) => h.clock.set(chinaTime(chinaWallClock).toISOString());
const sweep = () => queueReminders(h.deps, h.clock.now());
const queued = async (event: string) =>
  (await h.deps.store.find<OutboxMessage>('outbox', { orderBy: [['_id', 'asc']], limit: 1000 })).filter((m) => m.event === event);
const recipients = async (event: string) => (await queued(event)).map((m) => m.to).sort();

/** An accepted case (handler `staff`) forced into a later state. */
async function caseIn(patch: Partial<CaseRecord>): Promise<string> {
  const c = await h.apply();
  const accepted = await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
  await forceCase(h, accepted.id, patch);
  return accepted.id;
}

describe('meetings starting soon', () => {
  const scheduled = (start: string) => ({
    state: 'scheduled' as const, scheduledAt: chinaTime(start).toISOString(), scheduledEnd: new Date(chinaTime(start).getTime() + 3600_000).toISOString(),
    contactIds: ['otherApplicant'], observerIds: ['supervisor'],
  });

  test('remind both sides and the observer a day ahead and an hour ahead, each once across sweeps', async () => {
    at('2026-06-12 09:30');
    const id = await caseIn(scheduled('2026-06-12 14:00'));
    expect(await sweep()).toEqual({ queued: 4, failed: [] });
    expect(await recipients('meetingSoon')).toEqual(['applicant', 'otherApplicant', 'staff', 'supervisor']);
    const day = await queued('meetingSoon');
    expect(day[0]).toMatchObject({ caseId: id, title: '视频踏勘即将开始', body: expect.stringContaining('6月12日 14:00开始'), fields: { start: chinaTime('2026-06-12 14:00').toISOString() } });
    expect(day.find((m) => m.to === 'staff')!.page).toBe(`/package-staff/pages/case-review/case-review?id=${id}`);

    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    at('2026-06-12 12:55');
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    at('2026-06-12 13:05');
    expect(await sweep()).toEqual({ queued: 4, failed: [] });
    at('2026-06-12 13:10');
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    expect(await queued('meetingSoon')).toHaveLength(8);
  });

  test('a meeting booked half an hour ahead gets one reminder, not two at once', async () => {
    at('2026-06-12 09:30');
    await caseIn({ ...scheduled('2026-06-12 10:00'), contactIds: [], observerIds: [] });
    await sweep();
    expect(await recipients('meetingSoon')).toEqual(['applicant', 'staff']);
    expect((await queued('meetingSoon')).every((m) => m._id.endsWith(`:hour:${m.to}`))).toBe(true);
  });

  test('a meeting moved to another time is reminded of again; one already started is not', async () => {
    at('2026-06-12 09:30');
    const id = await caseIn({ ...scheduled('2026-06-12 11:00'), contactIds: [], observerIds: [] });
    await sweep();
    await forceCase(h, id, { ...scheduled('2026-06-12 11:30'), contactIds: [], observerIds: [] });
    expect(await sweep()).toEqual({ queued: 2, failed: [] });
    at('2026-06-12 11:31');
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
  });

  test('remind at any hour: a meeting is never at night, but its day-ahead reminder may fall there', async () => {
    at('2026-06-11 23:00');
    await caseIn({ ...scheduled('2026-06-12 09:00'), contactIds: [], observerIds: [] });
    expect(await sweep()).toEqual({ queued: 2, failed: [] });
  });
});

describe('scheduling requests unanswered', () => {
  async function offered(offeredAt: string): Promise<string> {
    const id = await caseIn({ state: 'ready', offeredSlots: [{ start: chinaTime('2026-06-17 09:00').toISOString(), end: chinaTime('2026-06-17 10:00').toISOString() }] });
    await h.deps.store.insert('audit', `${id}:offer`, { action: 'offerSlots', caseId: id, at: chinaTime(offeredAt).toISOString(), actorId: 'staff', actorName: '王芳', subject: `cases/${id}` });
    return id;
  }

  test('times offered and not picked remind the applicant once, on the next working day, in the daytime', async () => {
    at('2026-06-12 09:00');
    const id = await offered('2026-06-12 10:00'); // a Friday
    at('2026-06-12 16:00');
    await sweep();
    at('2026-06-13 10:00'); // Saturday
    await sweep();
    at('2026-06-15 07:30'); // Monday, before 08:00
    await sweep();
    expect(await queued('timesOfferedUnanswered')).toEqual([]);
    at('2026-06-15 08:00');
    expect(await sweep()).toEqual({ queued: 1, failed: [] });
    expect(await queued('timesOfferedUnanswered')).toEqual([expect.objectContaining({ to: 'applicant', caseId: id, page: `/pages/case-detail/case-detail?id=${id}` })]);
    at('2026-06-16 10:00');
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
  });

  test('other times asked for and not answered remind the handler on the next working day', async () => {
    at('2026-06-18 10:00'); // the Thursday before the Dragon Boat Festival (19–21 June 2026)
    await caseIn({ state: 'ready', otherTimesRequest: { note: '下周二上午可以', at: chinaTime('2026-06-18 10:00').toISOString() } });
    at('2026-06-19 10:00');
    await sweep();
    expect(await queued('otherTimesUnanswered')).toEqual([]);
    at('2026-06-22 09:00');
    await sweep();
    await sweep();
    expect(await queued('otherTimesUnanswered')).toEqual([expect.objectContaining({ to: 'staff', body: expect.stringContaining('下周二上午可以') })]);
  });
});

describe('rectification deadlines', () => {
  const rectifying = (deadline: string) => ({
    state: 'rectifying' as const,
    rectification: { round: 1, items: [], workingDays: 10, setAt: chinaTime('2026-06-05 10:00').toISOString(), deadline: new Date(chinaTime(`${deadline} 00:00`).getTime() + 86_400_000 - 1).toISOString(), reinspectionRequestedAt: null },
  });

  test('remind the applicant a working day ahead, across a holiday, once', async () => {
    at('2026-06-17 10:00');
    await caseIn(rectifying('2026-06-22')); // Monday after the Dragon Boat Festival
    await sweep();
    expect(await queued('rectificationDeadlineSoon')).toEqual([]);
    at('2026-06-18 10:00'); // Thursday: the last working day before it
    expect(await sweep()).toEqual({ queued: 1, failed: [] });
    at('2026-06-22 10:00');
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    expect(await queued('rectificationDeadlineSoon')).toEqual([
      expect.objectContaining({ to: 'applicant', body: expect.stringContaining('2026年6月22日'), fields: expect.objectContaining({ deadline: expect.stringMatching(/^2026-06-22T15:59:59.999Z$/) }) }),
    ]);
  });

  test('not in the night: the reminder waits for 08:00', async () => {
    at('2026-06-22 22:00');
    await caseIn(rectifying('2026-06-23'));
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    at('2026-06-23 08:01');
    expect(await sweep()).toEqual({ queued: 1, failed: [] });
  });

  test('a deadline passed without a re-inspection request reminds the handler to decide, once', async () => {
    at('2026-06-24 09:00');
    await caseIn(rectifying('2026-06-23'));
    await sweep();
    at('2026-06-25 09:00');
    await sweep();
    expect(await queued('rectificationOverdue')).toEqual([expect.objectContaining({ to: 'staff', title: '整改期限已过' })]);
    expect(await queued('rectificationDeadlineSoon')).toEqual([]);
  });
});

describe('overdue follow-up visits', () => {
  const followUp = (dueAt: string): FollowUpRecord => ({
    month: '2026-05', caseId: 'case-1', caseNumber: 'DL-20260515-0003', matterCode: 'M1', matterName: '二次供水单位卫生许可',
    companyName: '天津东丽宏达物业管理有限公司', premisesAddress: '天津市东丽区津塘公路398号', status: 'open', dueAt, createdAt: '2026-06-01T00:00:00.000Z',
  });

  test('remind every supervisor once when an open visit is past its due date', async () => {
    at('2026-06-12 10:00');
    await h.deps.store.insert('followUps', '2026-05-case-1', followUp(chinaTime('2026-06-13 00:00').toISOString()));
    await h.deps.store.insert('followUps', '2026-05-case-2', { ...followUp(chinaTime('2026-06-10 00:00').toISOString()), status: 'consistent' });
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    at('2026-06-15 10:00');
    expect(await sweep()).toEqual({ queued: 1, failed: [] });
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    expect(await queued('followUpOverdue')).toEqual([expect.objectContaining({
      to: 'supervisor', caseId: 'case-1', page: '/package-supervise/pages/draw/draw?month=2026-05', body: expect.stringContaining('天津东丽宏达物业管理有限公司'),
    })]);
  });
});

test.each([
  ['an error', new Error('collection not found'), ['Error', 'collection not found']],
  ['no error at all', undefined, [undefined, undefined]],
])('one rule failing with %s does not stop the others, and the log names only the rule', async (_, failure, logged) => {
  at('2026-06-12 10:00');
  await caseIn({ state: 'scheduled', scheduledAt: chinaTime('2026-06-12 10:30').toISOString(), scheduledEnd: chinaTime('2026-06-12 11:30').toISOString() });
  const store = h.deps.store;
  const failing = storeWith(store, {
    find: <T extends object>(collection: string, query: Query) => (collection === 'followUps' ? Promise.reject(failure) : store.find<T>(collection, query)),
  });
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(await queueReminders({ ...h.deps, store: failing }, h.clock.now())).toEqual({ queued: 2, failed: ['followUpOverdue'] });
  expect(log).toHaveBeenCalledWith('reminders: followUpOverdue failed', ...logged);
  log.mockRestore();
});

test('a reminder reaches a subscribed applicant as a subscription message with the time in China time', async () => {
  h.deps.config.notifications.templates = parseSubscribeTemplates('{"meetingReminder": "tmpl-meeting"}');
  await h.ok('applicant', 'recordSubscriptions', { accepted: ['meetingReminder'], rejected: [] });
  at('2026-06-12 10:00');
  await caseIn({ state: 'scheduled', scheduledAt: chinaTime('2026-06-12 10:30').toISOString(), scheduledEnd: chinaTime('2026-06-12 11:30').toISOString() });
  const sent: SubscribeMessage[] = [];
  await sweep();
  await deliverOutbox(h.deps, { send: async (m) => (sent.push(m), { ok: true }) }, h.clock.now());
  expect(sent).toEqual([expect.objectContaining({ touser: 'applicant', templateId: 'tmpl-meeting', data: expect.objectContaining({ time2: { value: '2026年6月12日 10:30' } }) })]);
});

describe('the reminders function in the local runtime', () => {
  const saved = { ...process.env };
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rvi-reminders-'));
    Object.assign(process.env, { RVI_LOCAL: '1', RVI_DATA_DIR: dataDir });
    delete process.env.SUBSCRIBE_TEMPLATES;
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('refuses a caller and writes each subscription message it sends to subscribe-messages.jsonl', async () => {
    const local = composeLocal({ dataDir, publicBaseUrl: 'http://127.0.0.1:0', config: configFromEnv(process.env) });
    await local.store.insert('subscriptions', 'demo-applicant', { templates: { caseProgress: { templateId: 'local-caseProgress', status: 'accept', credits: 1, answeredAt: new Date().toISOString() } }, updatedAt: new Date().toISOString() });
    await local.notifier.queue([{ id: 'm1', event: 'caseAccepted', to: 'demo-applicant', caseId: 'c1', title: '您的申请已受理', body: '请签署', page: '/pages/case-detail/case-detail?id=c1', fields: { number: 'DL-20260612-0001', matter: '二次供水单位卫生许可' } }]);
    local.store.close();

    const { main } = await import('../../../cloudfunctions/src/entries/reminders');
    const timer = { Type: 'Timer', TriggerName: 'every-five-minutes', Time: new Date().toISOString() };
    expect(await main({}, { localOpenid: 'demo-applicant' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await main(timer, { localOpenid: 'demo-applicant' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await main({}, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await main({ ...timer, TriggerName: 'monthly' }, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await main(timer, {})).toEqual({ ok: true, reminders: { queued: 0, failed: [] }, delivery: { sent: 1, inboxOnly: 0, retrying: 0, failed: 0 }, hashing: { chained: 0, stillHashing: 0, failed: 0 }, verificationsFinished: 0 });
    const lines = readFileSync(join(dataDir, 'subscribe-messages.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ touser: 'demo-applicant', templateId: 'local-caseProgress', page: 'pages/case-detail/case-detail?id=c1' })]);
  });
});
