import { parseSubscribeTemplates } from '../../../cloudfunctions/src/catalogue/message-catalogue';
import type { Query } from '../../../cloudfunctions/src/ports/store';
import { type Harness, makeHarness } from '../../support/harness';
import { messageTo } from '../../support/scenarios/notifications';
import { snapshot } from '../../support/scenarios';

// The in-app inbox 消息 and asking to subscribe: each person sees and marks only their own messages.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

async function threeMessagesTo(who: string): Promise<string[]> {
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    ids.push(await messageTo(h, who, `${who}-m${n}`));
    h.clock.advance(60_000);
  }
  return ids;
}

test('the inbox lists the caller\'s own messages, newest first, page by page', async () => {
  const [first, second, third] = await threeMessagesTo('applicant');
  await messageTo(h, 'otherApplicant');

  const page1 = await h.ok('applicant', 'listInbox', { limit: 2 });
  expect(page1).toMatchObject({ total: 3, offset: 0, limit: 2 });
  expect(page1.items.map((m) => m.id)).toEqual([third, second]);
  expect(page1.items[0]).toEqual({
    id: third, event: 'caseAccepted', title: '您的申请已受理', body: 'DL-20260612-0001 二次供水单位卫生许可', page: '/pages/inbox/inbox',
    createdAt: new Date(h.clock.now().getTime() - 60_000).toISOString(), read: false,
  });
  expect((await h.ok('applicant', 'listInbox', { offset: 2, limit: 2 })).items.map((m) => m.id)).toEqual([first]);
  expect((await h.ok('otherApplicant', 'listInbox', {})).total).toBe(1);
});

test('an action\'s notice reaches its recipient\'s inbox with the page it opens', async () => {
  const c = await h.apply();
  await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
  const inbox = await h.ok('applicant', 'listInbox', {});
  expect(inbox.items).toEqual([expect.objectContaining({
    event: 'caseAccepted', title: '您的申请已受理', caseId: c.id, page: `/pages/case-detail/case-detail?id=${c.id}`, read: false,
    // Which case, as the applicant knows it.
    caseLabel: `${c.number} · ${c.company.name}`,
  })]);
  expect(await h.ok('applicant', 'unreadCount', {})).toEqual({ unread: 1 });
});

test('marking read counts down the unread badge, and marking again changes nothing', async () => {
  const [first, second] = await threeMessagesTo('applicant');
  expect(await h.ok('applicant', 'unreadCount', {})).toEqual({ unread: 3 });
  expect(await h.ok('applicant', 'markRead', { ids: [first!, second!] })).toEqual({ unread: 1 });
  const before = await snapshot(h);
  expect(await h.ok('applicant', 'markRead', { ids: [first!] })).toEqual({ unread: 1 });
  expect(await snapshot(h)).toBe(before);
  const listed = await h.ok('applicant', 'listInbox', {});
  expect(listed.items.map((m) => m.read)).toEqual([false, true, true]);
});

test('someone else\'s message cannot be marked, nor told apart from one that does not exist', async () => {
  const own = await messageTo(h, 'applicant');
  const theirs = await messageTo(h, 'otherApplicant');
  const before = await snapshot(h);
  const refusedOther = await h.call('applicant', 'markRead', { ids: [own, theirs] });
  const refusedMissing = await h.call('applicant', 'markRead', { ids: ['no-such-message'] });
  expect(refusedOther).toEqual({ ok: false, code: 'NOT_FOUND', message: '未找到该消息' });
  expect(refusedMissing).toEqual(refusedOther);
  expect(await snapshot(h)).toBe(before);
});

describe('asking to subscribe', () => {
  beforeEach(() => {
    h.deps.config.notifications.templates = parseSubscribeTemplates(JSON.stringify({
      caseProgress: 'id-progress', todo: 'id-todo', inspectionResult: 'id-result', meetingReminder: 'id-meeting',
      supervision: { id: 'id-supervision', longTerm: true }, casePushed: { id: 'id-pushed', longTerm: true },
    }));
  });

  test('gives the configured templates of the moment, at most three, in order of importance', async () => {
    expect(await h.ok('applicant', 'getSubscribeTemplates', { moment: 'afterApply' })).toEqual({
      templates: [
        { key: 'caseProgress', id: 'id-progress', title: '办件进度通知' },
        { key: 'todo', id: 'id-todo', title: '待办事项提醒' },
        { key: 'inspectionResult', id: 'id-result', title: '审批结果通知' },
      ],
    });
    // rectification is not configured here: the moment asks for what there is.
    expect((await h.ok('applicant', 'getSubscribeTemplates', { moment: 'afterBooking' })).templates.map((t) => t.key)).toEqual(['meetingReminder', 'inspectionResult']);
  });

  test('never mixes one-time and long-term templates in one request, which WeChat refuses', async () => {
    const { templates } = await h.ok('supervisor', 'getSubscribeTemplates', { moment: 'supervisorTab' });
    expect(templates.map((t) => t.key)).toEqual(['supervision', 'casePushed']);
  });

  test('gives nothing to ask for where no template is configured', async () => {
    h.deps.config.notifications.templates = {};
    expect(await h.ok('staff', 'getSubscribeTemplates', { moment: 'staffTab' })).toEqual({ templates: [] });
  });

  test('records acceptances and refusals per person and answers what they are subscribed to', async () => {
    expect(await h.ok('applicant', 'recordSubscriptions', { accepted: ['caseProgress', 'todo'], rejected: ['inspectionResult'] })).toEqual({ subscribed: ['caseProgress', 'todo'] });
    expect(await h.ok('applicant', 'recordSubscriptions', { accepted: [], rejected: ['todo'] })).toEqual({ subscribed: ['caseProgress'] });
    expect(await h.ok('otherApplicant', 'recordSubscriptions', { accepted: ['rectification'], rejected: [] })).toEqual({ subscribed: [] });
    const record = await h.deps.store.get<{ templates: Record<string, unknown> }>('subscriptions', 'applicant');
    expect(record?.templates).toEqual({
      caseProgress: { templateId: 'id-progress', status: 'accept', credits: 1, answeredAt: h.clock.now().toISOString() },
      todo: { templateId: 'id-todo', status: 'reject', credits: 0, answeredAt: h.clock.now().toISOString() },
      inspectionResult: { templateId: 'id-result', status: 'reject', credits: 0, answeredAt: h.clock.now().toISOString() },
    });
  });

  test('an acceptance given for a template id the office has since replaced no longer counts', async () => {
    await h.ok('applicant', 'recordSubscriptions', { accepted: ['caseProgress'], rejected: [] });
    h.deps.config.notifications.templates = parseSubscribeTemplates('{"caseProgress": "id-progress-v2"}');
    expect(await h.ok('applicant', 'recordSubscriptions', { accepted: [], rejected: [] })).toEqual({ subscribed: [] });
  });
});

const LISTINGS: [what: string, query: Query, index: string][] = [
  ['the unread count', { where: { to: 'x', read: false } }, 'outbox_by_recipient_read'],
  ['messages due for delivery', { where: { status: 'pending', nextAttemptAt: { op: 'lte', value: '2026' } }, orderBy: [['nextAttemptAt', 'asc']] }, 'outbox_by_status'],
  ['failed deliveries for admins', { where: { status: 'failed' }, orderBy: [['nextAttemptAt', 'desc']] }, 'outbox_by_status'],
];

test.each(LISTINGS)('%s is served by an index', (_what, query, index) => {
  const plan = h.deps.store.explain('outbox', query).join(' | ');
  expect(plan).toContain(index);
  expect(plan).not.toMatch(/TEMP B-TREE/);
});
