import type { InboxMessage } from '../../typings/models';
import { formatChinaTime } from './china-time';

// The 消息 tab: its items, its unread badge, and opening the page a message is about.

/** The tab bar's pages (app.json), which open with wx.switchTab and take no query. */
const TAB_PAGES = ['/pages/home/home', '/pages/my-cases/my-cases', '/pages/inbox/inbox', '/pages/profile/profile'];
const INBOX_TAB_INDEX = 2;

export interface InboxItem {
  id: string;
  title: string;
  body: string;
  /** The case it is about: number · company. */
  caseLabel: string;
  timeText: string;
  read: boolean;
  page: string;
}

export const toInboxItem = (m: InboxMessage): InboxItem => ({
  id: m.id, title: m.title, body: m.body, caseLabel: m.caseLabel ?? '', timeText: formatChinaTime(m.createdAt), read: m.read, page: m.page,
});

/** The unread count on the 消息 tab; nothing when there is none. Any tab page may call it. */
export function showUnreadBadge(unread: number): void {
  // https://developers.weixin.qq.com/miniprogram/dev/api/ui/tab-bar/wx.setTabBarBadge.html
  if (unread > 0) wx.setTabBarBadge({ index: INBOX_TAB_INDEX, text: unread > 99 ? '99+' : String(unread), fail: () => undefined });
  else wx.removeTabBarBadge({ index: INBOX_TAB_INDEX, fail: () => undefined });
}

/** Opens the page a message is about: a tab page by switching to it, any other page on top of the inbox. */
export function openMessagePage(page: string): void {
  const path = page.split('?')[0]!;
  if (TAB_PAGES.includes(path)) wx.switchTab({ url: path });
  else wx.navigateTo({ url: page });
}
