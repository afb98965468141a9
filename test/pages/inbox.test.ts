import type { InboxMessage } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { me } from './support/fixtures';
import { loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.server.on('whoami', me());
  fake.server.on('getSubscribeTemplates', { templates: [] });
});

const message = (n: number, overrides: Partial<InboxMessage> = {}): InboxMessage => ({
  id: `m${n}`,
  event: 'caseAccepted',
  title: `消息标题${n}`,
  body: `DL-20260612-000${n} 二次供水单位卫生许可`,
  page: `/pages/case-detail/case-detail?id=case-${n}`,
  caseId: `case-${n}`,
  createdAt: '2026-06-12T01:30:00.000Z',
  read: false,
  ...overrides,
});

function serveInbox(items: InboxMessage[], unread = items.filter((m) => !m.read).length) {
  fake.server.on('listInbox', ({ offset = 0, limit = 10 }: { offset?: number; limit?: number }) => ({ items: items.slice(offset, offset + limit), total: items.length, offset, limit }));
  fake.server.on('unreadCount', { unread });
  fake.server.on('markRead', ({ ids }: { ids: string[] }) => ({ unread: Math.max(0, unread - ids.length) }));
}

async function openInbox() {
  const p = loadPage('pages/inbox/inbox');
  p.page.onLoad({});
  await settled();
  return p;
}

test('lists the messages as the server orders them, newest first, with the unread count on the tab badge', async () => {
  serveInbox([message(3), message(2, { read: true }), message(1)]);
  const p = await openInbox();

  expect(p.page.data.list.items.map((m: { id: string }) => m.id)).toEqual(['m3', 'm2', 'm1']);
  expect(p.text()).toContain('消息标题3');
  expect(p.text()).toContain('DL-20260612-0003 二次供水单位卫生许可');
  expect(p.text()).toContain('2026-06-12 09:30'); // China time
  expect(p.text()).toContain('2 条未读');
  expect(p.comp.querySelectorAll('.message__dot')).toHaveLength(2);
  expect(fake.calls('setTabBarBadge')).toEqual([expect.objectContaining({ index: 2, text: '2' })]);
});

test('opening an unread message opens its page and marks it read', async () => {
  serveInbox([message(1), message(2)]);
  const p = await openInbox();

  await p.tap('.message');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/pages/case-detail/case-detail?id=case-1');
  expect(fake.server.sent('markRead')).toEqual([{ ids: ['m1'] }]);
  expect(p.page.data.list.items[0].read).toBe(true);
  expect(p.page.data.unread).toBe(1);
  expect(fake.calls('setTabBarBadge').pop()).toMatchObject({ index: 2, text: '1' });
});

test('a message about a tab page switches to that tab; a read message is not marked again', async () => {
  serveInbox([message(1, { page: '/pages/my-cases/my-cases', read: true })], 0);
  const p = await openInbox();

  p.page.onOpen({ currentTarget: { dataset: { index: 0 } } });
  await settled();
  expect(fake.calls('switchTab')[0]!.url).toBe('/pages/my-cases/my-cases');
  expect(fake.calls('navigateTo')).toEqual([]);
  expect(fake.server.sent('markRead')).toEqual([]);
  expect(fake.calls('removeTabBarBadge')).toEqual([expect.objectContaining({ index: 2 })]);
});

test('marking all read sends the unread ones and clears the badge', async () => {
  serveInbox([message(3), message(2, { read: true }), message(1)]);
  const p = await openInbox();

  await p.tap('#mark-all');
  expect(fake.server.sent('markRead')).toEqual([{ ids: ['m3', 'm1'] }]);
  expect(p.page.data.list.items.every((m: { read: boolean }) => m.read)).toBe(true);
  expect(p.exists('#mark-all')).toBe(false);
  expect(p.page.data.unread).toBe(0);
  expect(fake.calls('removeTabBarBadge').length).toBeGreaterThan(0);
});

test('a mark that fails on the server leaves the badge to the next visit and still opens the page', async () => {
  serveInbox([message(1)]);
  fake.server.refuse('markRead', 'INTERNAL', '系统繁忙，请稍后重试');
  const p = await openInbox();
  await p.tap('.message');
  expect(fake.calls('navigateTo')[0]!.url).toBe('/pages/case-detail/case-detail?id=case-1');
  expect(fake.calls('showToast')).toEqual([]);
});

test('says so when there are no messages', async () => {
  serveInbox([]);
  const p = await openInbox();
  expect(p.text()).toContain('暂无消息');
  expect(fake.calls('removeTabBarBadge')).toHaveLength(1);
});

describe('asking for WeChat reminders', () => {
  const templates = [
    { key: 'todo', id: 'tmpl-todo', title: '待办事项提醒' },
    { key: 'meetingReminder', id: 'tmpl-meeting', title: '视频踏勘提醒' },
  ];

  test('offers the templates of the person\'s tab and records what they accept', async () => {
    serveInbox([]);
    fake.server.on('whoami', me(['staff']));
    fake.server.on('getSubscribeTemplates', { templates });
    fake.server.on('recordSubscriptions', { subscribed: ['todo'] });
    fake.answer('requestSubscribeMessage', { 'tmpl-todo': 'accept', 'tmpl-meeting': 'reject' });
    const p = await openInbox();
    expect(fake.server.sent('getSubscribeTemplates')).toEqual([{ moment: 'staffTab' }]);

    await p.tap('#subscribe');
    expect(fake.calls('requestSubscribeMessage')[0]!.tmplIds).toEqual(['tmpl-todo', 'tmpl-meeting']);
    expect(fake.server.sent('recordSubscriptions')).toEqual([{ accepted: ['todo'], rejected: ['meetingReminder'] }]);
    expect(fake.calls('showToast')[0]!.title).toBe('已开启1项微信提醒');
  });

  test('asks in the tap itself, before any call to the server', async () => {
    serveInbox([]);
    fake.server.on('getSubscribeTemplates', { templates });
    const p = await openInbox();
    const callsBefore = fake.server.received.length;
    p.page.onSubscribe();
    expect(fake.calls('requestSubscribeMessage')).toHaveLength(1);
    expect(fake.server.received).toHaveLength(callsBefore);
    await settled();
  });

  test('a dismissed dialog records nothing', async () => {
    serveInbox([]);
    fake.server.on('getSubscribeTemplates', { templates });
    const p = await openInbox();
    expect(fake.server.sent('getSubscribeTemplates')).toEqual([{ moment: 'afterApply' }]);
    await p.tap('#subscribe');
    expect(fake.server.sent('recordSubscriptions')).toEqual([]);
    expect(fake.calls('showToast')[0]!.title).toBe('未开启微信提醒');
  });

  test('offers nothing where the office has configured no template', async () => {
    serveInbox([]);
    const p = await openInbox();
    expect(p.exists('#subscribe')).toBe(false);
  });

  test('plays the dialog with a confirmation for the local runtime\'s stand-in templates', async () => {
    serveInbox([]);
    fake.server.on('whoami', me(['supervisor']));
    fake.server.on('getSubscribeTemplates', { templates: [{ key: 'supervision', id: 'local-supervision', title: '监督工作提醒' }] });
    fake.server.on('recordSubscriptions', { subscribed: ['supervision'] });
    const p = await openInbox();
    expect(fake.server.sent('getSubscribeTemplates')).toEqual([{ moment: 'supervisorTab' }]);
    await p.tap('#subscribe');
    expect(fake.calls('requestSubscribeMessage')).toEqual([]);
    expect(fake.calls('showModal')[0]!.content).toContain('监督工作提醒');
    expect(fake.server.sent('recordSubscriptions')).toEqual([{ accepted: ['supervision'], rejected: [] }]);
  });
});

test('each message names its case: number and company', async () => {
  serveInbox([message(1, { body: '请按约定时间进入会议', caseLabel: 'DL-20260612-0001 · 天津东丽宏达物业管理有限公司' })]);
  const p = await openInbox();
  expect(p.text()).toContain('DL-20260612-0001 · 天津东丽宏达物业管理有限公司');
});
