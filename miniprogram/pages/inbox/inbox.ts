import type { SubscribeTemplate } from '../../../typings/models';
import { asPagedList, pagedList } from '../../behaviors/paged-list/paged-list';
import { listInbox } from '../../services/inbox/list-inbox';
import { markRead } from '../../services/inbox/mark-read';
import { unreadCount } from '../../services/inbox/unread-count';
import { type InboxItem, openMessagePage, showUnreadBadge, toInboxItem } from '../../utils/inbox';
import { type ListData, emptyList } from '../../utils/paged-list';
import { currentUser } from '../../utils/session';
import { askToSubscribe, tabMomentOf, templatesFor } from '../../utils/subscribe';

const fetchMessages = (offset: number, limit: number) => listInbox({ offset, limit });
/** markRead takes at most this many ids per call. */
const MARK_BATCH = 100;

Page({
  behaviors: [pagedList],
  data: {
    list: emptyList<InboxItem>() as ListData<InboxItem>,
    unread: 0,
    /** Subscription-message templates to offer; none hides the offer. */
    templates: [] as SubscribeTemplate[],
  },

  onLoad() {
    asPagedList(this).reloadList();
    this.prepareSubscribe();
  },

  listSource() {
    return { fetch: fetchMessages, map: toInboxItem, what: '消息' };
  },

  /** The unread badge follows every reload of the list. */
  alsoRefresh() {
    return this.refreshUnread();
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
    const item = this.data.list.items[index];
    if (!item) return;
    openMessagePage(item.page);
    if (!item.read) {
      this.setData({ [`list.items[${index}].read`]: true });
      this.markRead([item.id]);
    }
  },

  onMarkAllRead() {
    const patch: Record<string, boolean> = {};
    const ids: string[] = [];
    this.data.list.items.forEach((m, i) => {
      if (m.read) return;
      patch[`list.items[${i}].read`] = true;
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
