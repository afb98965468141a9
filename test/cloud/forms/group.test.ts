import { groupLabel } from '../../../cloudfunctions/src/domain/group-label';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { prepared, uploadSignature } from '../../support/readiness';
import { ref } from '../../support/scenarios';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('the group label (R5)', () => {
  test('is 事项名称-受理时间-申请人姓名, the acceptance time in China time', () => {
    expect(groupLabel('二次供水单位卫生许可', '2026-06-12T01:30:00Z', '张三')).toBe('二次供水单位卫生许可-2026-06-12 09:30-张三');
    // 17:05 UTC is already the next morning in Tianjin.
    expect(groupLabel('二次供水单位卫生许可', '2026-06-11T17:05:00Z', '李四')).toBe('二次供水单位卫生许可-2026-06-12 01:05-李四');
  });

  test('every member of the group shows under the case\'s label', async () => {
    const c = await prepared.accepted(h);
    const { token } = await h.ok('applicant', 'inviteContact', { caseId: c.id });
    await h.ok('otherApplicant', 'joinGroupByInvite', { token });
    const group = await h.ok('staff', 'getGroup', { caseId: c.id });
    const label = `${remoteMatter.name}-2026-06-12 09:30-张三`;
    expect(group.label).toBe(label);
    expect(group.members.map((m) => [m.roleLabel, m.label, m.me])).toEqual([
      ['申请人', label, false],
      ['现场联系人', label, false],
      ['经办人', label, true],
    ]);
    // An observer is a member too, last, and reads the group.
    await forceCase(h, c.id, { observerIds: ['supervisor'] });
    const seen = await h.ok('supervisor', 'getGroup', { caseId: c.id });
    expect(seen.members.map((m) => [m.role, m.roleLabel, m.me])).toEqual([
      ['applicant', '申请人', false], ['contact', '现场联系人', false], ['handler', '经办人', false], ['observer', '观察员', true],
    ]);
  });

  test('a group of an accepted case without contacts or observers has the applicant and the handler only', async () => {
    const c = await prepared.accepted(h);
    expect((await h.ok('applicant', 'getGroup', { caseId: c.id })).members.map((m) => [m.role, m.me])).toEqual([['applicant', true], ['handler', false]]);
  });
});

describe('inviting on-site contacts', () => {
  test('an invite works once: the contact joins, the next person is refused', async () => {
    const c = await prepared.accepted(h);
    const invite = await h.ok('applicant', 'inviteContact', { caseId: c.id });
    expect(invite.expiresAt).toBe('2026-06-13T01:30:00.000Z');
    const joined = await h.ok('otherApplicant', 'joinGroupByInvite', { token: invite.token });
    expect(joined.members.find((m) => m.me)).toMatchObject({ role: 'contact' });
    expect(await h.call('supervisor', 'joinGroupByInvite', { token: invite.token })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('已被使用') });
    expect(joined.case.timeline.at(-1)).toMatchObject({ actionLabel: '现场联系人入群', actorName: '钱七' });
    // The contact opening the card again is simply shown the group.
    await expect(h.ok('otherApplicant', 'joinGroupByInvite', { token: invite.token })).resolves.toMatchObject({ label: joined.label });
  });

  test('two people opening the same card at once: exactly one joins', async () => {
    const c = await prepared.accepted(h);
    const { token } = await h.ok('applicant', 'inviteContact', { caseId: c.id });
    const results = await Promise.all([h.call('otherApplicant', 'joinGroupByInvite', { token }), h.call('regulator', 'joinGroupByInvite', { token })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const group = await h.ok('applicant', 'getGroup', { caseId: c.id });
    expect(group.members.filter((m) => m.role === 'contact')).toHaveLength(1);
  });

  test('an invite expires after 24 hours', async () => {
    const c = await prepared.accepted(h);
    const { token } = await h.ok('applicant', 'inviteContact', { caseId: c.id });
    h.clock.advance(24 * 3600_000);
    expect(await h.call('otherApplicant', 'joinGroupByInvite', { token })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('已过期') });
    expect(await h.call('otherApplicant', 'getGroup', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('a made-up token joins nothing', async () => {
    expect(await h.call('otherApplicant', 'joinGroupByInvite', { token: 'a'.repeat(32) })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('the applicant\'s own tap on the card leaves the invite for the contact', async () => {
    const c = await prepared.accepted(h);
    const { token } = await h.ok('applicant', 'inviteContact', { caseId: c.id });
    await h.ok('applicant', 'joinGroupByInvite', { token });
    // Someone new to the Mini Program, with no name yet, shows in the timeline as 现场联系人, not as 申请人.
    const joined = await h.ok('newcomer', 'joinGroupByInvite', { token });
    expect(joined.case.timeline.at(-1)).toMatchObject({ actionLabel: '现场联系人入群', actorName: '现场联系人' });
  });
});

describe('messages', () => {
  test('officer and applicant side exchange text and pictures; the page shows the newest last, older pages on request', async () => {
    const c = await prepared.accepted(h);
    const { token } = await h.ok('applicant', 'inviteContact', { caseId: c.id });
    await h.ok('otherApplicant', 'joinGroupByInvite', { token });
    const picture = await uploadSignature(h, 'otherApplicant');
    const said: [string, string][] = [
      ['applicant', '请问水箱间需要开灯吗？'],
      ['staff', '需要，请提前打开照明'],
      ['otherApplicant', '好的，已经打开'],
    ];
    for (const [who, text] of said) {
      h.clock.advance(60_000);
      await h.ok(who, 'postGroupMessage', { caseId: c.id, text });
    }
    h.clock.advance(60_000);
    const withPicture = await h.ok('otherApplicant', 'postGroupMessage', { caseId: c.id, imageFileId: picture });
    expect(withPicture.imageUrl).toContain('uploads/otherApplicant/');

    // A message of another case's group, newer than all: not this group's.
    await h.deps.store.insert('groupMessages', 'another-case-1', { caseId: 'another-case', at: '2030-01-01T00:00:00.000Z', senderId: 'otherApplicant', senderRole: 'applicant', text: '别的群' });
    const group = await h.ok('staff', 'getGroup', { caseId: c.id });
    expect(group.messages.items.map((m) => m.senderLabel)).toEqual(['申请人', '经办人', '现场联系人', '现场联系人'].map((role) => `${role} ${group.label}`));
    expect(group.messages.items.map((m) => [m.senderRole, m.text ?? '[图片]', m.mine])).toEqual([
      ['applicant', '请问水箱间需要开灯吗？', false],
      ['handler', '需要，请提前打开照明', true],
      ['contact', '好的，已经打开', false],
      ['contact', '[图片]', false],
    ]);
    const older = await h.ok('applicant', 'listGroupMessages', { caseId: c.id, offset: 2, limit: 2 });
    expect(older).toMatchObject({ total: 4, offset: 2 });
    expect(older.items.map((m) => m.text)).toEqual(['请问水箱间需要开灯吗？', '需要，请提前打开照明']);
  });

  test('observers read but do not post; people outside the case neither read nor post', async () => {
    const c = await prepared.accepted(h);
    await forceCase(h, c.id, { observerIds: ['supervisor'] });
    await expect(h.ok('supervisor', 'listGroupMessages', { caseId: c.id })).resolves.toMatchObject({ total: 0 });
    expect(await h.call('supervisor', 'postGroupMessage', { caseId: c.id, text: '旁听' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('otherStaff', 'postGroupMessage', { caseId: c.id, text: '你好' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('otherStaff', 'getGroup', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '您不是该踏勘群的成员' });
    expect(await h.call('otherApplicant', 'listGroupMessages', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('applicant', 'postGroupMessage', { caseId: c.id })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('请输入消息内容') });
  });

  test('a picture someone else uploaded cannot be posted', async () => {
    const c = await prepared.accepted(h);
    const theirs = await uploadSignature(h, 'otherApplicant');
    expect(await h.call('applicant', 'postGroupMessage', { caseId: c.id, imageFileId: theirs })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.deps.store.count('groupMessages')).toBe(0);
  });
});

describe('the group page', () => {
  test('carries the timeline, the matter\'s preparation list and the operation manual that ends with it', async () => {
    const c = await prepared.accepted(h);
    const group = await h.ok('applicant', 'getGroup', { caseId: c.id });
    expect(group.case.timeline.map((t) => t.actionLabel)).toEqual(['提交申请', '受理']);
    expect(group.preparation).toEqual(remoteMatter.preparation);
    const titles = group.manual.map((s) => s.title);
    expect(titles.join()).toMatch(/进入会议.*摄像头和麦克风.*后置摄像头.*光线和网络/);
    expect(group.manual.at(-1)!.title).toContain(remoteMatter.name);
    expect(group.manual.at(-1)!.paragraphs).toEqual(remoteMatter.preparation.map((p, i) => `${i + 1}. ${p}`));
    expect(group.forms.map((f) => f.signedAt)).toEqual([undefined, undefined]);
    expect(group.meeting).toBeUndefined();
  });

  test('shows the section\'s WeChat group QR code once an admin publishes it, with the label to copy as nickname', async () => {
    const c = await prepared.accepted(h);
    expect((await h.ok('applicant', 'getGroup', { caseId: c.id })).wechatGroup).toBeUndefined();
    const qr = await uploadSignature(h, 'admin');
    await h.ok('admin', 'setSectionGroupQr', { sectionCode: remoteMatter.sectionCode, qrFileId: qr });
    const group = await h.ok('applicant', 'getGroup', { caseId: c.id });
    expect(group.wechatGroup).toEqual({ qrCodeUrl: expect.stringContaining('uploads/admin/'), nickname: group.label });
    await h.ok('admin', 'setSectionGroupQr', { sectionCode: remoteMatter.sectionCode });
    expect((await h.ok('applicant', 'getGroup', { caseId: c.id })).wechatGroup).toBeUndefined();
  });

  test('there is no group before acceptance', async () => {
    const c = await h.apply();
    expect(await h.call('applicant', 'getGroup', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '办件受理后才建立踏勘群' });
    expect(await h.call('applicant', 'inviteContact', { caseId: c.id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('the meeting card: slot, code, and the Tencent Meeting Mini Program path with the label as nickname', async () => {
    const c = await prepared.scheduled(h);
    await h.ok('staff', 'setMeetingManually', { ...ref(c), pasted: '点击链接入会：\nhttps://meeting.tencent.com/dm/AbCdEf123\n\n#腾讯会议：123-456-789\n会议密码：1234' });
    const group = await h.ok('applicant', 'getGroup', { caseId: c.id });
    expect(group.meeting).toEqual({
      start: '2026-06-15T02:00:00.000Z',
      end: '2026-06-15T03:00:00.000Z',
      meetingCode: '123456789',
      joinUrl: 'https://meeting.tencent.com/dm/AbCdEf123',
      password: '1234',
      miniProgram: {
        appId: 'wx33fd6cdc62520063',
        path: `pages/index/index?chn=RemoteInspection&code=123456789&pwd=1234&nm=${encodeURIComponent(group.label)}`,
      },
    });
  });
});
