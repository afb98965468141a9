import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { DELIVERY_POLICY, deliverOutbox } from '../../../cloudfunctions/src/application/deliver-outbox';
import type { FollowUpRecord } from '../../../cloudfunctions/src/application/follow-ups';
import { queueReminders } from '../../../cloudfunctions/src/application/reminders';
import { parseSubscribeTemplates } from '../../../cloudfunctions/src/catalogue/message-catalogue';
import type { CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { chinaTime } from '../../../cloudfunctions/src/domain/china-time';
import type { SendResult, SubscribeMessage, Subscriber } from '../../../cloudfunctions/src/ports/subscriber';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness } from '../../support/harness';
import { prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';

// Edges of the reminders sweep and the outbox sweep: which cases a rule reads, from which audit entry a wait counts,
// what the calendar and follow-up reminders carry, and a send that outlasts its claim.

let h: Harness;
afterEach(() => h.close());

const at = (chinaWallClock: string) => h.clock.set(chinaTime(chinaWallClock).toISOString());
const iso = (chinaWallClock: string) => chinaTime(chinaWallClock).toISOString();
const sweep = () => queueReminders(h.deps, h.clock.now());
const queued = async (event: string) =>
  (await h.deps.store.find<OutboxMessage>('outbox', { orderBy: [['_id', 'asc']], limit: 1000 })).filter((m) => m.event === event);
const numberOf = async (id: string) => (await h.deps.store.get<CaseRecord>('cases', id))!.number;

/** An accepted case (handler `staff`) forced into a later state. */
async function caseIn(patch: Partial<CaseRecord>): Promise<string> {
  const c = await h.apply();
  const accepted = await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
  await forceCase(h, accepted.id, patch);
  return accepted.id;
}

const rectifying = (deadlineDay: string) => ({
  state: 'rectifying' as const,
  rectification: {
    round: 1, items: [], workingDays: 10, setAt: iso('2026-06-01 10:00'),
    deadline: new Date(chinaTime(`${deadlineDay} 00:00`).getTime() + 86_400_000 - 1).toISOString(), reinspectionRequestedAt: null,
  },
});

describe('the cases a rule reads', () => {
  beforeEach(async () => {
    h = await makeHarness();
  });

  test('a withdrawn case is reminded of nothing: not its booked meeting, the times it asked for, nor its passed deadline', async () => {
    at('2026-06-12 10:00'); // Friday
    const kinds = {
      meeting: { state: 'scheduled' as const, scheduledAt: iso('2026-06-15 14:00'), scheduledEnd: iso('2026-06-15 15:00') },
      asked: { state: 'ready' as const, otherTimesRequest: { note: '下周二上午可以', at: iso('2026-06-12 10:00') } },
      overdue: rectifying('2026-06-12'),
    };
    const kept: Record<string, string> = {};
    for (const [kind, patch] of Object.entries(kinds)) {
      kept[kind] = await caseIn(patch);
      const withdrawn = await caseIn(patch);
      const { _version } = (await h.deps.store.get<CaseRecord>('cases', withdrawn))!;
      await h.ok('applicant', 'withdrawCase', { caseId: withdrawn, version: _version, reason: '企业决定暂不开展该项目' });
    }
    at('2026-06-15 10:00'); // Monday: the meeting is today, the request and the deadline a working day old
    expect(await sweep()).toEqual({ queued: 4, failed: [] });
    expect((await queued('meetingSoon')).map((m) => [m.caseId, m.to]).sort()).toEqual([[kept.meeting, 'applicant'], [kept.meeting, 'staff']]);
    expect((await queued('otherTimesUnanswered')).map((m) => m.caseId)).toEqual([kept.asked]);
    expect(await queued('rectificationOverdue')).toEqual([expect.objectContaining({
      caseId: kept.overdue, to: 'staff', body: `${await numberOf(kept.overdue!)} 的整改期限（2026年6月12日）已过，申请人未申请复查，请作出决定`,
    })]);
  });

  test('a meeting starting at the very moment of the sweep has begun: nothing is queued and nothing fails', async () => {
    at('2026-06-12 09:00');
    await caseIn({ state: 'scheduled', scheduledAt: iso('2026-06-12 10:00'), scheduledEnd: iso('2026-06-12 11:00') });
    at('2026-06-12 10:00');
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    expect(await queued('meetingSoon')).toEqual([]);
  });

  test('a rectification deadline more than a working day away queues nothing and fails nothing', async () => {
    at('2026-06-15 10:00');
    await caseIn(rectifying('2026-06-26'));
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    expect(await queued('rectificationDeadlineSoon')).toEqual([]);
  });
});

describe('times offered and not picked: the wait counts from that case’s latest offer', () => {
  const WEDNESDAY_10 = iso('2026-06-17 10:00');
  const WEDNESDAY_14 = iso('2026-06-17 14:00');
  const THURSDAY_10 = iso('2026-06-18 10:00');

  beforeEach(async () => {
    h = await makeHarness();
  });

  async function offeredCase(start: string): Promise<string> {
    const c = await prepared.ready(h);
    await h.ok('staff', 'offerSlots', { ...ref(c), starts: [start] });
    return c.id;
  }
  const reminded = async () => (await queued('timesOfferedUnanswered')).map((m) => [m.caseId, m.body]).sort();
  const body = async (id: string, day: string) => `${await numberOf(id)} 经办人${day}提供的踏勘时段尚未选择，请尽快选定或请求其他时间`;

  test('each case from its own offer, and an offer made again starts the wait again', async () => {
    at('2026-06-12 10:00'); // Friday
    const first = await offeredCase(WEDNESDAY_10);
    at('2026-06-15 07:45'); // Monday, before the reminders' day begins
    const second = await offeredCase(WEDNESDAY_14);
    at('2026-06-15 08:00');
    expect(await sweep()).toEqual({ queued: 1, failed: [] });
    expect(await reminded()).toEqual([[first, await body(first, '2026年6月12日')]]);

    at('2026-06-15 09:00');
    await h.ok('staff', 'offerSlots', { ...ref(await h.ok('staff', 'getCase', { caseId: first })), starts: [THURSDAY_10] });
    at('2026-06-15 12:00');
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    at('2026-06-16 09:30'); // Tuesday: a working day after both Monday offers
    expect(await sweep()).toEqual({ queued: 2, failed: [] });
    expect(await reminded()).toEqual([
      [first, await body(first, '2026年6月12日')], [first, await body(first, '2026年6月15日')], [second, await body(second, '2026年6月15日')],
    ].sort());
  });

  test('an observer sent to the case after the offer does not restart the applicant’s wait', async () => {
    at('2026-06-12 10:00'); // Friday
    const id = await offeredCase(WEDNESDAY_10);
    at('2026-06-15 07:30'); // Monday
    await h.ok('supervisor', 'assignObserver', { ...ref(await h.ok('staff', 'getCase', { caseId: id })), observerOpenid: 'supervisor' });
    at('2026-06-15 08:00');
    expect(await sweep()).toEqual({ queued: 1, failed: [] });
    expect(await queued('timesOfferedUnanswered')).toEqual([expect.objectContaining({ caseId: id, to: 'applicant', body: await body(id, '2026年6月12日') })]);
  });
});

describe('the calendar reminder', () => {
  beforeEach(async () => {
    h = await makeHarness({ config: { firstAdminOpenids: ['first-admin', 'admin'] } });
  });

  test('goes to the first admins and every admin by role, once each, with the year to enter, again each month until it is entered', async () => {
    at('2026-11-02 10:00');
    expect(await sweep()).toEqual({ queued: 2, failed: [] });
    const november = await queued('calendarNoticeMissing');
    expect(november.map((m) => m.to).sort()).toEqual(['admin', 'first-admin']);
    for (const m of november) {
      expect(m).toMatchObject({
        title: '请录入明年的节假日安排',
        body: '2027年的国务院节假日安排尚未录入，期限暂按法定假日计算。通知发布后请在“工作日历”中录入',
        page: '/package-admin/pages/calendar/calendar?year=2027',
        fields: { year: '2027' },
      });
    }
    at('2026-11-25 10:00');
    expect(await sweep()).toEqual({ queued: 0, failed: [] });
    at('2026-12-01 10:00');
    expect(await sweep()).toEqual({ queued: 2, failed: [] });
    expect((await queued('calendarNoticeMissing')).map((m) => m.to).sort()).toEqual(['admin', 'admin', 'first-admin', 'first-admin']);
  });
});

describe('overdue follow-up visits', () => {
  beforeEach(async () => {
    h = await makeHarness();
  });

  test('the reminder carries the case number, the matter and the due date for the subscription message', async () => {
    at('2026-06-15 10:00');
    const dueAt = iso('2026-06-13 00:00');
    await h.deps.store.insert<FollowUpRecord>('followUps', '2026-05-case-1', {
      month: '2026-05', caseId: 'case-1', caseNumber: 'DL-20260515-0003', matterCode: 'M1', matterName: '二次供水单位卫生许可',
      companyName: '天津东丽宏达物业管理有限公司', premisesAddress: '天津市东丽区津塘公路398号', status: 'open', dueAt, createdAt: '2026-06-01T00:00:00.000Z',
    });
    expect(await sweep()).toEqual({ queued: 1, failed: [] });
    expect(await queued('followUpOverdue')).toEqual([expect.objectContaining({
      to: 'supervisor',
      body: 'DL-20260515-0003 天津东丽宏达物业管理有限公司 的监督回访应于2026年6月13日前完成',
      fields: { number: 'DL-20260515-0003', matter: '二次供水单位卫生许可', due: dueAt },
    })]);
  });
});

describe('a send that outlasts its claim', () => {
  /** WeChat answering ok, after `during` has run while the send is in flight. */
  class SlowWeChat implements Subscriber {
    readonly sent: SubscribeMessage[] = [];
    during?: () => Promise<void>;
    async send(message: SubscribeMessage): Promise<SendResult> {
      this.sent.push(message);
      const during = this.during;
      this.during = undefined;
      await during?.();
      return { ok: true };
    }
  }

  beforeEach(async () => {
    h = await makeHarness();
    h.deps.config.notifications = { templates: parseSubscribeTemplates('{"caseProgress": "tmpl-progress"}'), miniprogramState: 'trial' };
  });

  test('is failed as interrupted by the next sweep, and its late answer does not overwrite that', async () => {
    await h.ok('applicant', 'recordSubscriptions', { accepted: ['caseProgress'], rejected: [] });
    await h.ok('staff', 'acceptCase', ref(await h.apply()));
    const wechat = new SlowWeChat();
    let next: Awaited<ReturnType<typeof deliverOutbox>> | undefined;
    wechat.during = async () => {
      h.clock.advance(DELIVERY_POLICY.claimLeaseMs);
      next = await deliverOutbox(h.deps, wechat, h.clock.now());
    };
    expect(await deliverOutbox(h.deps, wechat, h.clock.now())).toEqual({ sent: 0, inboxOnly: 0, retrying: 0, failed: 0 });
    expect(next).toEqual({ sent: 0, inboxOnly: 0, retrying: 0, failed: 1 });
    expect(wechat.sent).toHaveLength(1);
    const [message] = await h.deps.store.find<OutboxMessage>('outbox', { where: { to: 'applicant' }, orderBy: [['createdAt', 'desc']] });
    expect(message).toMatchObject({ status: 'failed', attempts: 1, outcome: { code: 0, message: '发送中断，无法确认是否已送达；为避免重复，不再重发' } });
    expect(message).not.toHaveProperty('sentAt');
  });
});
