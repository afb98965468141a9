import { fail, installFakeWx, type FakeWx } from './support/fake-wx';
import { meetingCard } from './support/forms-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;
let card: LoadedPage | undefined;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeEach(() => {
  fake = installFakeWx();
});

/** The card's `detached` stops its countdown timer. */
function removeCard() {
  card?.comp.triggerLifeTime('detached');
  card = undefined;
}

afterEach(removeCard);

async function showCard(overrides: Parameters<typeof meetingCard>[0] = {}): Promise<LoadedPage> {
  removeCard();
  card = loadPage('components/meeting-card/meeting-card');
  card.comp.setData({ meeting: meetingCard(overrides) });
  await settled();
  return card;
}

/** A slot starting `ms` from now, an hour long. */
const startingIn = (ms: number) => ({ start: new Date(Date.now() + ms).toISOString(), end: new Date(Date.now() + ms + HOUR).toISOString() });

test('shows the time, a countdown and the meeting code', async () => {
  let p = await showCard(startingIn(2 * 24 * HOUR + 3 * HOUR + 10 * MINUTE));
  expect(p.text()).toContain('距开始还有 2天3小时');
  expect(p.text()).toContain('123 456 789');

  p = await showCard(startingIn(25 * MINUTE + 5000));
  expect(p.page.data.countdown).toMatch(/^距开始还有 25分\d+秒$/);

  p = await showCard(startingIn(-10 * MINUTE));
  expect(p.text()).toContain('会议进行中，请尽快进入');

  p = await showCard(startingIn(-2 * HOUR));
  expect(p.text()).toContain('预约时间已过');
});

test('a booked day in a year without its notice says it may change; otherwise nothing is said', async () => {
  let p = await showCard({ provisional: true });
  expect(p.comp.querySelector('#provisional')!.dom!.textContent).toBe('该年节假日安排尚未发布；如预约日被定为节假日，经办人会与您另约时间');
  p = await showCard();
  expect(p.comp.querySelector('#provisional')).toBeFalsy();
});

test('the time reads in China time with the weekday', async () => {
  const p = await showCard();
  expect(p.text()).toContain('6月15日（周一）10:00-11:00');
});

test('one button opens the Tencent Meeting Mini Program on the meeting', async () => {
  const p = await showCard();
  await p.tap('#join');
  expect(fake.calls('navigateToMiniProgram')).toEqual([
    expect.objectContaining({ appId: 'wx33fd6cdc62520063', path: 'pages/index/index?code=123456789&nm=%E5%BC%A0%E4%B8%89', envVersion: 'release' }),
  ]);
  expect(fake.calls('setClipboardData')).toEqual([]);
});

test('where the Mini Program cannot be opened, the code, password and link are copied instead', async () => {
  fake.answer('navigateToMiniProgram', fail('navigateToMiniProgram:fail invalid appid'));
  const p = await showCard({ password: '4321' });
  await p.tap('#join');

  expect(fake.calls('setClipboardData')[0]!.data).toBe('腾讯会议号：123 456 789\n会议密码：4321\n入会链接：https://meeting.tencent.com/dm/AbCdEf123');
  expect(fake.calls('showModal')[0]).toMatchObject({ title: '已复制会议信息' });
});

test('closing WeChat\'s confirmation copies nothing', async () => {
  fake.answer('navigateToMiniProgram', fail('navigateToMiniProgram:fail cancel'));
  const p = await showCard();
  await p.tap('#join');
  expect(fake.calls('setClipboardData')).toEqual([]);
});

test('the code and link can be copied directly', async () => {
  const p = await showCard();
  await p.tap('#copy');
  expect(fake.calls('setClipboardData')[0]!.data).toContain('123 456 789');
});

test('before the meeting code is published the card says it is coming', async () => {
  const p = await showCard({ meetingCode: undefined, joinUrl: undefined, miniProgram: undefined });
  expect(p.text()).toContain('会议号待经办人发布');
  expect(p.exists('#join')).toBe(false);
});
