import type { RegulatorInboxEntry } from '../../../../typings/models';
import { listRegulatorInbox } from '../../../services/inspection/list-regulator-inbox';
import { formatChinaTime } from '../../../utils/china-time';
import { errorText } from '../../../utils/format';
import { type ListData, emptyList, loadMore, reloadList } from '../../../utils/paged-list';
import { currentUser, hasRole } from '../../../utils/session';

// A sector regulator's inbox 监管收件箱: the decided cases pushed to their sector, newest first (R15).

interface InboxRow {
  caseId: string;
  companyName: string;
  line: string;
  outcome: RegulatorInboxEntry['outcome'];
  outcomeLabel: string;
  when: string;
}

const toRow = (e: RegulatorInboxEntry): InboxRow => ({
  caseId: e.caseId,
  companyName: e.companyName,
  line: `${e.number} · ${e.matterName}`,
  outcome: e.outcome,
  outcomeLabel: e.outcomeLabel,
  when: `办结于 ${formatChinaTime(e.decidedAt)} · 推送于 ${formatChinaTime(e.pushedAt)}`,
});

const fetchInbox = (offset: number, limit: number) => listRegulatorInbox({ offset, limit });
const failText = (err: unknown) => errorText(err, '收件箱加载失败，请重试');

Page({
  data: {
    status: 'loading' as 'loading' | 'error' | 'ready',
    error: '',
    cases: emptyList<InboxRow>() as ListData<InboxRow>,
  },

  onLoad() {
    this.start();
  },

  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    this.onMore();
  },

  async start() {
    try {
      if (!hasRole(await currentUser(), 'regulator')) {
        this.setData({ status: 'error', error: '监管收件箱仅供行业监管部门使用' });
        return;
      }
      this.setData({ status: 'ready' });
      await this.reload();
    } catch (err) {
      this.setData({ status: 'error', error: errorText(err, '身份信息加载失败，请重试') });
    }
  },

  reload() {
    return reloadList(this, 'cases', fetchInbox, toRow, failText);
  },

  onMore() {
    loadMore(this, 'cases', fetchInbox, toRow);
  },

  onRetry() {
    this.setData({ status: 'loading' });
    this.start();
  },

  onRetryList() {
    this.setData({ 'cases.status': 'loading' });
    this.reload();
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/package-supervise/pages/regulator-case/regulator-case?id=${encodeURIComponent(e.currentTarget.dataset.id as string)}` });
  },
});
