import type { GroupMessageView } from '../../typings/models';
import { installFakeWx, type FakeWx } from './support/fake-wx';
import { LABEL, groupView, meetingCard } from './support/forms-fixtures';
import { type LoadedPage, loadPage, settled } from './support/load-page';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

const message = (n: number, overrides: Partial<GroupMessageView> = {}): GroupMessageView => ({
  id: `msg-${n}`,
  at: `2026-06-12T0${n}:00:00.000Z`,
  senderRole: 'handler',
  senderLabel: `经办人 ${LABEL}`,
  mine: false,
  text: `第${n}条消息`,
  ...overrides,
});

const APPLICANT_CAN = ['postGroupMessage', 'inviteContact'];

async function openGroupPage(): Promise<LoadedPage> {
  const p = loadPage('pages/group/group');
  p.page.onLoad({ id: 'case-7' });
  await settled();
  return p;
}

test('the first visit opens the group and shows the label, the messages newest last, the preparation list and the manual', async () => {
  fake.server
    .on('getGroup', groupView({}, { can: ['openGroup', 'signForm', ...APPLICANT_CAN] }))
    .on('openGroup', groupView({ messages: { items: [message(2), message(3)], total: 2, offset: 0, limit: 30 } }, { can: ['signForm', ...APPLICANT_CAN] }));
  const p = await openGroupPage();

  expect(fake.server.sent('openGroup')).toEqual([{ caseId: 'case-7' }]);
  const text = p.text();
  expect(text).toContain(LABEL);
  expect(text).toContain('2人：申请人、经办人');
  expect(text.indexOf('第2条消息')).toBeLessThan(text.indexOf('第3条消息'));
  expect(text).toContain('2026-06-12 10:00');
  expect(text).toContain('签署表单');
  expect(text).toContain('请先签署同意书和承诺书');

  await p.tap('#tab-prepare');
  expect(p.text()).toContain('打开水箱间门，备好照明');
  await p.tap('#tab-manual');
  expect(p.text()).toContain('一、提前准备');
  expect(p.text()).toContain('请使用智能手机参加远程视频踏勘。');
});

test('a later visit reads the group without opening it again, and shows the meeting card once booked', async () => {
  fake.server.on('getGroup', groupView({ meeting: meetingCard() }, { state: 'scheduled', stateLabel: '已预约', can: APPLICANT_CAN }));
  const p = await openGroupPage();

  expect(fake.server.sent('openGroup')).toEqual([]);
  expect(p.text()).toContain('123 456 789');
  expect(p.exists('#meeting >>> #join')).toBe(true);
});

test('a message is posted and shown last; older messages load before the first', async () => {
  const older = [message(1)];
  fake.server
    .on('getGroup', groupView({ messages: { items: [message(2)], total: 2, offset: 0, limit: 30 } }, { can: APPLICANT_CAN }))
    .on('postGroupMessage', ({ text }: { text: string }) => message(4, { id: 'msg-mine', senderRole: 'applicant', mine: true, text }))
    .on('listGroupMessages', { items: older, total: 3, offset: 1, limit: 20 });
  const p = await openGroupPage();

  await p.type('#draft', '水箱间钥匙已备好');
  await p.tap('#send');
  expect(fake.server.sent('postGroupMessage')).toEqual([{ caseId: 'case-7', text: '水箱间钥匙已备好' }]);
  expect(p.page.data.messages.map((m: { id: string }) => m.id)).toEqual(['msg-2', 'msg-mine']);
  expect(p.page.data.draft).toBe('');

  await p.tap('#older');
  expect(fake.server.sent('listGroupMessages')).toEqual([{ caseId: 'case-7', offset: 2, limit: 20 }]);
  expect(p.page.data.messages.map((m: { id: string }) => m.id)).toEqual(['msg-1', 'msg-2', 'msg-mine']);
  expect(p.text()).toContain('我 · ');
});

test('a picture is uploaded by the sender and posted', async () => {
  fake.answer('chooseMedia', { tempFiles: [{ tempFilePath: 'wxfile://tmp/key.jpg', size: 2048, fileType: 'image' }] });
  fake.server
    .on('getGroup', groupView({}, { can: APPLICANT_CAN }))
    .on('requestUpload', { cloudPath: 'uploads/demo/material/key.jpg' })
    .on('postGroupMessage', message(5, { mine: true, text: undefined, imageUrl: 'https://files.example/key.jpg' }));
  const p = await openGroupPage();
  await p.tap('#send-picture');

  expect(fake.server.sent('requestUpload')[0]).toMatchObject({ size: 2048 });
  expect(fake.server.sent('postGroupMessage')).toEqual([{ caseId: 'case-7', imageFileId: 'local://uploads/demo/material/key.jpg' }]);
  expect(p.exists('.msg__image')).toBe(true);
});

test('the section\'s WeChat group shows its QR code and copies the label for the nickname', async () => {
  fake.server.on('getGroup', groupView({ wechatGroup: { qrCodeUrl: 'https://files.example/qr.png', nickname: LABEL } }, { can: APPLICANT_CAN }));
  const p = await openGroupPage();
  expect(p.exists('#wechat-group')).toBe(true);

  await p.tap('#copy-nickname');
  expect(fake.calls('setClipboardData')[0]!.data).toBe(LABEL);
  expect(fake.calls('showModal')[0]!.content).toContain(LABEL);
});

test('an on-site contact is invited with a share card carrying a fresh single-use token', async () => {
  fake.server
    .on('getGroup', groupView({}, { can: APPLICANT_CAN }))
    .on('inviteContact', { token: 'ab'.repeat(16), expiresAt: '2026-06-13T01:30:00.000Z', label: LABEL });
  const p = await openGroupPage();
  expect(p.page.onShareAppMessage({ from: 'menu' }).path).toBe('/pages/home/home');

  await p.tap('#invite');
  expect(p.text()).toContain('2026-06-13 09:30 前有效');
  const card = p.page.onShareAppMessage({ from: 'button', target: {} });
  expect(card.path).toBe(`/pages/join-group/join-group?token=${'ab'.repeat(16)}`);
  expect(card.title).toContain(LABEL);
  await settled();
  expect(p.exists('#share-invite')).toBe(false);
});

test('an observer reads the group but cannot post or invite', async () => {
  fake.server.on('getGroup', groupView({}, { can: [] }));
  const p = await openGroupPage();
  expect(p.exists('#composer')).toBe(false);
  expect(p.exists('#invite')).toBe(false);
});

test('a group the caller is not in says so, with a way back instead of 重试', async () => {
  fake.server.refuse('getGroup', 'FORBIDDEN', '您不是该踏勘群的成员');
  const p = await openGroupPage();
  expect(p.text()).toContain('您不是该踏勘群的成员');
  expect(p.text()).not.toContain('重试');
});

describe('joining by an invite', () => {
  async function openJoin(token: string): Promise<LoadedPage> {
    const p = loadPage('pages/join-group/join-group');
    p.page.onLoad({ token });
    await settled();
    return p;
  }

  test('the invited contact joins with the token of the card and goes on to the group', async () => {
    fake.server.on('joinGroupByInvite', groupView());
    const p = await openJoin('cd'.repeat(16));
    expect(fake.server.sent('joinGroupByInvite')).toEqual([{ token: 'cd'.repeat(16) }]);
    expect(p.text()).toContain('已加入踏勘群');
    expect(p.text()).toContain(LABEL);

    await p.tap('#open-group');
    expect(fake.calls('redirectTo')[0]!.url).toBe('/pages/group/group?id=case-7');
  });

  test('a used invite says so', async () => {
    fake.server.refuse('joinGroupByInvite', 'INVALID_STATE', '该邀请已被使用，请让申请人重新邀请');
    const p = await openJoin('cd'.repeat(16));
    expect(p.text()).toContain('该邀请已被使用，请让申请人重新邀请');
  });
});
