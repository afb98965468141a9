import type { SubscribeTemplate } from '../../../typings/models';
import { listInbox } from '../../services/inbox/list-inbox';
import { markRead } from '../../services/inbox/mark-read';
import { unreadCount } from '../../services/inbox/unread-count';
import { errorText } from '../../utils/format';
import { type InboxItem, openMessagePage, showUnreadBadge, toInboxItem } from '../../utils/inbox';
import { type ListData, emptyList, loadMore, reloadList } from '../../utils/paged-list';
import { currentUser } from '../../utils/session';
import { askToSubscribe, tabMomentOf, templatesFor } from '../../utils/subscribe';

const fetchMessages = (offset: number, limit: number) => listInbox({ offset, limit });
const failText = (err: unknown) => errorText(err, '消息加载失败，请重试');
/** markRead takes at most this many ids per call. */
const MARK_BATCH = 100;

Page({
  data: {
    messages: emptyList<InboxItem>() as ListData<InboxItem>,
    unread: 0,
    /** Subscription-message templates to offer; none hides the offer. */
    templates: [] as SubscribeTemplate[],
  },

  onLoad() {
    this.reload();
    this.prepareSubscribe();
  },

  onShow() {
    // Back from a message's page, or new messages since: the list and the badge may have changed.
    if (this.data.messages.status === 'ready') this.reload();
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.loadMore();
  },

  reload() {
    return Promise.all([reloadList(this, 'messages', fetchMessages, toInboxItem, failText), this.refreshUnread()]);
  },

  loadMore() {
    return loadMore(this, 'messages', fetchMessages, toInboxItem);
  },

  onRetry() {
    this.setData({ 'messages.status': 'loading' });
    this.reload();
  },

  async refreshUnread() {
    try {
      this.showUnread((await unreadCount({})).unread);
    } catch {
      // The badge stays as it was; the list shows what is unread.
    }
  },

  showUnread(unread: number) {
    this.setData({ unread });
    showUnreadBadge(unread);
  },

  /** Opens the message's page at once, and marks it read on the way. */
  onOpen(e: WechatMiniprogram.TouchEvent) {
    const index = Number(e.currentTarget.dataset.index);
    const item = this.data.messages.items[index];
    if (!item) return;
    openMessagePage(item.page);
    if (!item.read) {
      this.setData({ [`messages.items[${index}].read`]: true });
      this.markRead([item.id]);
    }
  },

  onMarkAllRead() {
    const patch: Record<string, boolean> = {};
    const ids: string[] = [];
    this.data.messages.items.forEach((m, i) => {
      if (m.read) return;
      patch[`messages.items[${i}].read`] = true;
      ids.push(m.id);
    });
    if (!ids.length) return;
    this.setData(patch);
    this.markRead(ids);
  },

  async markRead(ids: string[]) {
    this.showUnread(Math.max(0, this.data.unread - ids.length));
    try {
      let unread = this.data.unread;
      for (let i = 0; i < ids.length; i += MARK_BATCH) unread = (await markRead({ ids: ids.slice(i, i + MARK_BATCH) })).unread;
      this.showUnread(unread);
    } catch {
      // Still unread on the server: the next visit shows it so again.
    }
  },

  async prepareSubscribe() {
    try {
      this.setData({ templates: await templatesFor(tabMomentOf(await currentUser())) });
    } catch {
      // Without knowing who is asking, nothing is offered; the inbox works the same.
    }
  },

  /** WeChat's dialog opens only from the tap itself: askToSubscribe calls it before anything else. */
  async onSubscribe() {
    const accepted = await askToSubscribe(this.data.templates);
    wx.showToast({ title: accepted.length ? `已开启${accepted.length}项微信提醒` : '未开启微信提醒', icon: 'none' });
  },
});
