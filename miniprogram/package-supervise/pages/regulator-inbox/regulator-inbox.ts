import type { RegulatorInboxEntry } from '../../../../typings/models';
import { asPagedList, pagedList } from '../../../behaviors/paged-list/paged-list';
import { listRegulatorInbox } from '../../../services/inspection/list-regulator-inbox';
import { formatChinaTime } from '../../../utils/china-time';
import { type Failure, failureOf, notForYou } from '../../../utils/failure';
import { type ListData, emptyList } from '../../../utils/paged-list';
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

Page({
  behaviors: [pagedList],
  data: {
    /** Whether the caller is a regulator; the list loads only then. */
    status: 'loading' as 'loading' | 'error' | 'ready',
    failure: null as Failure | null,
    list: emptyList<InboxRow>() as ListData<InboxRow>,
  },

  onLoad() {
    this.start();
  },

  listSource() {
    return { fetch: fetchInbox, map: toRow, what: '收件箱' };
  },

  async start() {
    try {
      if (!hasRole(await currentUser(), 'regulator')) {
        this.setData({ status: 'error', failure: notForYou('监管收件箱仅供行业监管部门使用') });
        return;
      }
      this.setData({ status: 'ready' });
      await asPagedList(this).reloadList();
    } catch (err) {
      this.setData({ status: 'error', failure: failureOf(err, '身份信息') });
    }
  },

  onRetryStart() {
    this.setData({ status: 'loading' });
    this.start();
  },

  onShow() {
    if (this.data.status === 'ready' && this.data.list.status === 'ready') asPagedList(this).reloadList();
  },

  onOpen(e: WechatMiniprogram.TouchEvent) {
    wx.navigateTo({ url: `/package-supervise/pages/regulator-case/regulator-case?id=${encodeURIComponent(e.currentTarget.dataset.id as string)}` });
  },
});
