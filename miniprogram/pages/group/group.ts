import { singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';
import type { GroupMessageView, GroupView, ManualSection, MeetingCard, ReadinessView } from '../../../typings/models';
import { getGroup } from '../../services/group/get-group';
import { inviteContact } from '../../services/group/invite-contact';
import { listGroupMessages } from '../../services/group/list-group-messages';
import { openGroup } from '../../services/group/open-group';
import { postGroupMessage } from '../../services/group/post-group-message';
import { uploadOwnFile } from '../../services/upload/upload-own-file';
import { type CaseStep, applicantSteps } from '../../utils/case-steps';
import { toCaseDetail } from '../../utils/case-view';
import { formatChinaTime } from '../../utils/china-time';
import { errorText } from '../../utils/format';

type Tab = 'messages' | 'prepare' | 'manual' | 'progress';

interface MessageItem {
  id: string;
  mine: boolean;
  sender: string;
  timeText: string;
  text: string;
  imageUrl: string;
}

const toMessage = (m: GroupMessageView): MessageItem => ({
  id: m.id,
  mine: m.mine,
  sender: m.senderLabel,
  timeText: formatChinaTime(m.at),
  text: m.text ?? '',
  imageUrl: m.imageUrl ?? '',
});

const OLDER_PAGE = 20;

/** Where scheduling stands, in a sentence, while there is no meeting card to show. */
function schedulingNote(r: ReadinessView): string {
  const s = r.scheduling;
  if (r.meeting) return '';
  if (r.case.state === 'accepted') return '请先签署同意书和承诺书，签署后即可预约踏勘时间。';
  if (r.case.state !== 'ready') return '';
  if (s.offeredSlots.length) return '经办人已提供可选的踏勘时段，请尽快选择。';
  if (s.otherTimesRequest) return `您已申请其他时间（${s.otherTimesRequest.note}），请等待经办人重新安排。`;
  return '正在等待经办人按受理顺序提供踏勘时段，提供后会通知您。';
}

/** The page's data for the group as the server shows it. */
function shownGroup(view: GroupView) {
  const roles = view.members.map((m) => m.roleLabel);
  return {
    label: view.label,
    memberText: `${view.members.length}人：${Array.from(new Set(roles)).join('、')}`,
    meeting: view.meeting ?? null,
    note: schedulingNote(view),
    steps: applicantSteps(view.case).filter((s) => s.key !== 'group' && s.key !== 'meeting'),
    messages: view.messages.items.map(toMessage),
    total: view.messages.total,
    older: 'idle' as const,
    preparation: view.preparation,
    manual: view.manual,
    timeline: toCaseDetail(view.case).timeline,
    wechatGroup: view.wechatGroup ?? null,
    canPost: view.case.can.includes('postGroupMessage'),
    canInvite: view.case.can.includes('inviteContact'),
  };
}

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('踏勘群'),
    caseId: '',
    label: '',
    memberText: '',
    tab: 'messages' as Tab,
    meeting: null as MeetingCard | null,
    note: '',
    steps: [] as CaseStep[],
    messages: [] as MessageItem[],
    total: 0,
    older: 'idle' as 'idle' | 'loading' | 'error',
    preparation: [] as string[],
    manual: [] as ManualSection[],
    timeline: [] as Array<{ at: string; actorName: string; actionLabel: string; note: string }>,
    wechatGroup: null as GroupView['wechatGroup'] | null,
    canPost: false,
    canInvite: false,
    draft: '',
    sending: false,
    invite: null as { token: string; expiresText: string } | null,
  },

  /** The applicant's first visit is recorded with openGroup: with both forms signed the case is then ready (R11). */
  async load() {
    let view = await getGroup({ caseId: this.data.caseId });
    if (view.case.can.includes('openGroup')) view = await openGroup({ caseId: this.data.caseId });
    return shownGroup(view);
  },

  onTab(e: WechatMiniprogram.TouchEvent) {
    this.setData({ tab: e.currentTarget.dataset.tab as Tab });
  },

  onStep(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: e.currentTarget.dataset.url as string });
  },

  /** Earlier messages: the offset counts back from the newest, so it is the number already shown. */
  async onOlder() {
    if (this.data.older === 'loading') return;
    this.setData({ older: 'loading' });
    try {
      const page = await listGroupMessages({ caseId: this.data.caseId, offset: this.data.messages.length, limit: OLDER_PAGE });
      const shown = new Set(this.data.messages.map((m) => m.id));
      const earlier = page.items.filter((m) => !shown.has(m.id)).map(toMessage);
      this.setData({ messages: [...earlier, ...this.data.messages], total: page.total, older: 'idle' });
    } catch {
      this.setData({ older: 'error' });
    }
  },

  onDraftInput(e: WechatMiniprogram.Input) {
    this.setData({ draft: e.detail.value });
  },

  async send(message: { text?: string; imageFileId?: string }): Promise<boolean> {
    try {
      const sent = await postGroupMessage({ caseId: this.data.caseId, ...message });
      const i = this.data.messages.length;
      this.setData({ [`messages[${i}]`]: toMessage(sent), total: this.data.total + 1 });
      wx.pageScrollTo({ selector: '#composer', duration: 200 });
      return true;
    } catch (err) {
      wx.showModal({ title: '发送失败', content: errorText(err, '消息发送失败，请重试'), showCancel: false, confirmText: '知道了' });
      return false;
    }
  },

  async onSendText() {
    const text = this.data.draft.trim();
    if (!text || this.data.sending) return;
    this.setData({ sending: true });
    if (await this.send({ text })) this.setData({ draft: '' });
    this.setData({ sending: false });
  },

  async onSendPicture() {
    if (this.data.sending) return;
    let file: WechatMiniprogram.MediaFile | undefined;
    try {
      // https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html
      file = (await wx.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })).tempFiles[0];
    } catch {
      return; // cancelled
    }
    if (!file) return;
    this.setData({ sending: true });
    wx.showLoading({ title: '正在发送图片', mask: true });
    try {
      const ext = (/\.(\w+)$/.exec(file.tempFilePath)?.[1] ?? 'jpg').toLowerCase();
      const imageFileId = await uploadOwnFile('material', { path: file.tempFilePath, name: `群聊图片.${ext}`, size: file.size });
      wx.hideLoading();
      await this.send({ imageFileId });
    } catch (err) {
      wx.hideLoading();
      wx.showToast({ title: errorText(err, '图片上传失败，请重试'), icon: 'none' });
    }
    this.setData({ sending: false });
  },

  onPreview(e: WechatMiniprogram.TouchEvent) {
    const url = e.currentTarget.dataset.url as string;
    wx.previewImage({ urls: this.data.messages.filter((m) => m.imageUrl).map((m) => m.imageUrl), current: url });
  },

  onCopyNickname() {
    const nickname = this.data.wechatGroup?.nickname ?? this.data.label;
    // https://developers.weixin.qq.com/miniprogram/dev/api/device/clipboard/wx.setClipboardData.html
    wx.setClipboardData({
      data: nickname,
      success: () =>
        wx.showModal({
          title: '群昵称已复制',
          content: `进入微信群后，请在“我在群里的昵称”中粘贴：${nickname}`,
          showCancel: false,
          confirmText: '知道了',
        }),
    });
  },

  /** A single-use invite is made first; the share button then carries it (onShareAppMessage cannot wait for the server). */
  async onInvite() {
    try {
      const invite = await inviteContact({ caseId: this.data.caseId });
      this.setData({ invite: { token: invite.token, expiresText: formatChinaTime(invite.expiresAt) } });
    } catch (err) {
      wx.showModal({ title: '未能生成邀请', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
  },

  onCancelInvite() {
    this.setData({ invite: null });
  },

  onShareAppMessage(res: WechatMiniprogram.Page.IShareAppMessageOption) {
    const invite = this.data.invite;
    if (res.from !== 'button' || !invite) return { title: '远程视频踏勘', path: '/pages/home/home' };
    // The token works once: the next contact needs a new invite.
    this.setData({ invite: null });
    return {
      title: `邀请您作为现场联系人加入踏勘群：${this.data.label}`,
      path: `/pages/join-group/join-group?token=${invite.token}`,
    };
  },
});
