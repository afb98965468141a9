import { installFakeWx, type FakeWx } from './support/fake-wx';
import { groupView, meetingCard, readiness } from './support/forms-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

const SLOTS = [
  { start: '2026-06-15T01:00:00.000Z', end: '2026-06-15T02:00:00.000Z' },
  { start: '2026-06-16T06:00:00.000Z', end: '2026-06-16T07:00:00.000Z' },
];
const READY = { state: 'ready' as const, stateLabel: '待预约', version: 8 };

beforeEach(() => {
  fake = installFakeWx();
  fake.server.on('getSubscribeTemplates', { templates: [] });
});

async function openBooking(): Promise<LoadedPage> {
  const p = loadPage('pages/booking/booking');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

const offered = () => groupView({ scheduling: { offeredSlots: SLOTS, reschedules: 0, noShows: 0 } }, { ...READY, can: ['bookSlot', 'requestOtherTimes'] });
const booked = () =>
  readiness({ scheduling: { offeredSlots: [], booked: SLOTS[1], reschedules: 0, noShows: 0 }, meeting: meetingCard(SLOTS[1]) },
    { state: 'scheduled', stateLabel: '已预约', version: 9, can: ['rescheduleInspection'] });

test('the applicant picks an offered slot, books it after confirming and sees the meeting card', async () => {
  fake.server.on('getGroup', offered()).on('bookSlot', booked());
  const p = await openBooking();
  expect(p.text()).toContain('6月15日（周一）09:00-10:00');
  expect(p.text()).toContain('6月16日（周二）14:00-15:00');

  await p.tap('#book');
  expect(p.text()).toContain('请先选择一个时段');
  expect(fake.server.sent('bookSlot')).toEqual([]);

  await p.tap('#slot-1');
  await p.tap('#book');
  expect(fake.calls('showModal')[0]).toMatchObject({ title: '确认预约', content: '视频踏勘时间：6月16日（周二）14:00-15:00' });
  expect(fake.server.sent('bookSlot')).toEqual([{ caseId: 'case-7', version: 8, start: '2026-06-16T06:00:00.000Z' }]);
  expect(p.text()).toContain('预约成功');
  expect(p.text()).toContain('123 456 789');
  expect(p.exists('#open-reschedule')).toBe(true);
});

test('after booking the applicant is offered WeChat reminders for the inspection', async () => {
  fake.server
    .on('getSubscribeTemplates', { templates: [{ key: 'meetingReminder', id: 'tmpl-meeting', title: '视频踏勘提醒' }] })
    .on('recordSubscriptions', { subscribed: ['meetingReminder'] })
    .on('getGroup', offered())
    .on('bookSlot', booked());
  fake.answer('requestSubscribeMessage', { 'tmpl-meeting': 'accept' });
  const p = await openBooking();
  expect(fake.server.sent('getSubscribeTemplates')).toEqual([{ moment: 'afterBooking' }]);
  await p.tap('#slot-0');
  await p.tap('#book');

  await p.tap('#subscribe');
  expect(fake.calls('requestSubscribeMessage')[0]!.tmplIds).toEqual(['tmpl-meeting']);
  expect(fake.server.sent('recordSubscriptions')).toEqual([{ accepted: ['meetingReminder'], rejected: [] }]);
});

test('a slot taken meanwhile is refused with the server\'s message and the times are read again', async () => {
  fake.server.on('getGroup', offered()).refuse('bookSlot', 'VALIDATION', '该时段已经过去，请申请其他时间');
  const p = await openBooking();
  await p.tap('#slot-0');
  await p.tap('#book');

  expect(fake.calls('showModal')[1]).toMatchObject({ content: '该时段已经过去，请申请其他时间' });
  expect(fake.server.sent('getGroup')).toHaveLength(2);
});

test('none of the times suits: the applicant asks for others with a note', async () => {
  fake.server
    .on('getGroup', offered())
    .on('requestOtherTimes', readiness({ scheduling: { offeredSlots: [], otherTimesRequest: { note: '下周三上午', at: '2026-06-12T03:00:00.000Z' }, reschedules: 0, noShows: 0 } }, READY));
  const p = await openBooking();
  await p.tap('#open-other');
  await p.tap('#submit-panel');
  expect(p.text()).toContain('请写明您方便的时间');

  await p.type('#panel-text', '下周三上午');
  await p.tap('#submit-panel');
  expect(fake.server.sent('requestOtherTimes')).toEqual([{ caseId: 'case-7', version: 8, note: '下周三上午' }]);
  expect(p.text()).toContain('已申请其他时间');
});

test('a booked inspection is moved with a reason after confirming', async () => {
  fake.server
    .on('getGroup', { ...groupView(), ...booked() })
    .on('rescheduleInspection', readiness({}, { ...READY, version: 10, can: ['requestOtherTimes'] }));
  const p = await openBooking();
  await p.tap('#open-reschedule');
  await p.type('#panel-text', '临时出差');
  await p.tap('#submit-panel');

  expect(fake.calls('showModal')[0]).toMatchObject({ title: '确认改期' });
  expect(fake.server.sent('rescheduleInspection')).toEqual([{ caseId: 'case-7', version: 9, reason: '临时出差' }]);
  expect(p.text()).toContain('经办人尚未提供踏勘时段');
});

test('before the forms and the group there is nothing to book yet', async () => {
  fake.server.on('getGroup', groupView());
  const p = await openBooking();
  expect(p.text()).toContain('现在还不能预约');
});

test('a slot on a day of a year without a holiday notice says 暂算, and why, in plain words', async () => {
  const slots = [SLOTS[0]!, { start: '2027-01-05T02:00:00.000Z', end: '2027-01-05T03:00:00.000Z', provisional: true }];
  fake.server.on('getGroup', groupView({ scheduling: { offeredSlots: slots, reschedules: 0, noShows: 0 } }, { ...READY, can: ['bookSlot'] }));
  const p = await openBooking();
  expect(p.text()).toContain('6月15日（周一）09:00-10:00');
  expect(p.text()).not.toContain('6月15日（周一）09:00-10:00（暂算）');
  expect(p.text()).toContain('1月5日（周二）10:00-11:00（暂算）');
  expect(p.comp.querySelector('#provisional-note')!.dom!.textContent).toContain('该日期按法定假日暂算，国务院通知发布后可能调整');
});

test('no note when every offered slot is on a day of a year with its notice', async () => {
  fake.server.on('getGroup', offered());
  const p = await openBooking();
  expect(p.exists('#provisional-note')).toBe(false);
  expect(p.text()).not.toContain('暂算');
});
