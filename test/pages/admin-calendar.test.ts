import type { CalendarYearView } from '../../typings/api';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { me } from './support/fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const PAGE = 'package-admin/pages/calendar/calendar';

const year2027 = (overrides: Partial<CalendarYearView> = {}): CalendarYearView => ({
  year: 2027, source: '《全国年节及纪念日放假办法》法定假日（未录入国务院通知，暂按法定天数计算）', provisional: true, entered: false, version: 0,
  festivals: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] },
    { name: '春节（含补假）', from: '2027-02-05', to: '2027-02-10', workdays: [] },
  ],
  holidayCount: 7, workdayCount: 0,
  reminder: '2027年的节假日安排尚未录入：国务院办公厅通知发布后请及时录入，此前2027年的期限按法定假日暂算',
  ...overrides,
});

async function open(query: Record<string, string> = { year: '2027' }): Promise<LoadedPage> {
  const p = loadPage(PAGE);
  p.page.onLoad(query);
  await settled();
  return p;
}

describe('工作日历', () => {
  test('a year without a notice is shown as the statutory days, provisional, with the reminder', async () => {
    fake.server.on('whoami', me(['admin'], '管理员')).on('getCalendarYear', year2027());
    const p = await open();
    expect(fake.server.sent('getCalendarYear')).toEqual([{ year: 2027 }]);
    expect(p.text()).toContain('2027年的节假日安排尚未录入');
    expect(p.text()).toContain('暂按法定假日');
    expect(p.text()).toContain('元旦：1月1日（周五）放假，共1天。');
    expect(p.text()).toContain('春节（含补假）：2月5日（周五）至10日（周三）放假，共6天。');
    expect(p.text()).toContain('共放假 7 天，调休上班 0 天');
    expect(p.comp.querySelector('#edit')!.dom!.textContent).toBe('录入国务院通知');
  });

  test('entering the notice: the server checks it and lists the deadlines it would move, then the admin confirms', async () => {
    const entered = year2027({
      provisional: false, entered: true, version: 1, source: '国务院办公厅关于2027年部分节假日安排的通知', reminder: undefined,
      festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }, { name: '春节', from: '2027-02-05', to: '2027-02-11', workdays: ['2027-02-20'] }],
      updatedAt: '2026-12-01T02:00:00.000Z', updatedByName: '管理员', holidayCount: 10, workdayCount: 1,
    });
    fake.server
      .on('whoami', me(['admin'], '管理员'))
      .on('getCalendarYear', year2027())
      .on('saveCalendarYear', ({ confirm }: { confirm: boolean }) => confirm
        ? { saved: true, moved: [], year: entered }
        : { saved: false, year: year2027(), moved: [{ kind: 'rectification', caseId: 'c1', caseNumber: 'DL-20261228-0001', issued: '2027-01-12T15:59:59.999Z', wouldBe: '2027-01-13T15:59:59.999Z' }] });
    const p = await open();
    await p.tap('#edit');
    expect(p.page.data.source).toBe('国务院办公厅关于2027年部分节假日安排的通知');
    expect(p.page.data.draft[1].name).toBe('春节'); // the statutory 补假 mark is not part of a notice
    p.page.onField({ currentTarget: { dataset: { index: 0, field: 'to' } }, detail: { value: '2027-01-03' } });
    p.page.onField({ currentTarget: { dataset: { index: 1, field: 'to' } }, detail: { value: '2027-02-11' } });
    await p.type('#workdays-1', '2027-02-20');
    await p.tap('#save');

    expect(fake.server.sent('saveCalendarYear')).toEqual([{
      year: 2027, version: 0, source: '国务院办公厅关于2027年部分节假日安排的通知', confirm: false,
      festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }, { name: '春节', from: '2027-02-05', to: '2027-02-11', workdays: ['2027-02-20'] }],
    }]);
    expect(p.text()).toContain('DL-20261228-0001 整改期限：已定为2027-01-12，按新安排应为2027-01-13');
    expect(p.text()).toContain('已发出的期限保持不变');
    expect(p.comp.querySelector('#save')!.dom!.textContent).toBe('确认录入');

    await p.tap('#save');
    expect(fake.server.sent('saveCalendarYear')[1]).toMatchObject({ confirm: true });
    expect(p.page.data.editing).toBe(false);
    expect(p.text()).not.toContain('暂按法定假日');
    expect(p.text()).toContain('春节：2月5日（周五）至11日（周四）放假，共7天。2月20日（周六）上班。');
    expect(p.text()).toContain('管理员 于 2026-12-01 10:00 录入');
  });

  test('a refused entry keeps the draft and shows why', async () => {
    fake.server
      .on('whoami', me(['admin']))
      .on('getCalendarYear', year2027())
      .refuse('saveCalendarYear', 'VALIDATION', '春节：调休上班日 2027-02-17 不是周末');
    const p = await open();
    await p.tap('#edit');
    await p.type('#workdays-1', '2027-02-17');
    await p.tap('#save');
    expect(p.text()).toContain('调休上班日 2027-02-17 不是周末');
    expect(p.page.data.editing).toBe(true);
  });

  test('the page is closed to anyone but an admin, and the year can be stepped', async () => {
    fake.server.on('whoami', me(['staff']));
    const p = await open();
    expect(p.text()).toContain('工作日历仅供系统管理员维护');
    expect(fake.server.sent('getCalendarYear')).toHaveLength(0);

    fake = installFakeWx();
    fake.server.on('whoami', me(['admin'])).on('getCalendarYear', ({ year }: { year: number }) => year2027({ year }));
    const q = await open();
    await q.tap('#next-year');
    expect(fake.server.sent('getCalendarYear').map((r: { year: number }) => r.year)).toEqual([2027, 2028]);
    expect(q.comp.querySelector('#year')!.dom!.textContent).toBe('2028年');
  });
});

describe('系统管理 entry', () => {
  test('the admin finds the admin pages from 我的, and others do not', async () => {
    fake.server.on('whoami', me(['admin'], '管理员'));
    const p = loadPage('pages/profile/profile');
    p.page.onLoad({});
    await settled();
    await p.tap('#admin');
    expect(fake.calls('navigateTo')[0]).toMatchObject({ url: '/package-admin/pages/admin/admin' });

    const home = loadPage('package-admin/pages/admin/admin');
    home.page.onLoad({});
    await settled();
    await home.tap('#open-calendar');
    expect(fake.calls('navigateTo')[1]).toMatchObject({ url: '/package-admin/pages/calendar/calendar' });

    fake = installFakeWx();
    fake.server.on('whoami', me(['staff']));
    const staff = loadPage('pages/profile/profile');
    staff.page.onLoad({});
    await settled();
    expect(staff.exists('#admin')).toBe(false);
  });
});
