import type { BlacklistEntryView, CreditRecordView } from '../../../typings/models';
import { listMyCreditRecords } from '../../services/supervision/list-my-credit-records';
import { PROVISIONAL_DATE_NOTE, formatChinaDate } from '../../utils/china-time';
import { SUBJECT_LABELS, listingPeriod } from '../../utils/credit-view';
import { singleLoad, singleLoadData } from '../../behaviors/single-load/single-load';

// What the credit file 诚信档案 and the blacklist 失信黑名单 hold about me and the companies I applied for, and how
// credit repair 信用修复 works.

interface ListingRow {
  id: string;
  subject: string;
  reason: string;
  period: string;
  statusLabel: string;
  lifted: string;
}

interface RecordRow {
  id: string;
  subject: string;
  title: string;
  measures: string;
  reason: string;
  deadline: string;
  recorded: string;
}

const toListing = (e: BlacklistEntryView): ListingRow => ({
  id: e.id,
  subject: `${e.subjectName}（${SUBJECT_LABELS[e.subjectType]}）`,
  reason: e.reason,
  period: `列入期间：${listingPeriod(e)}`,
  statusLabel: e.statusLabel,
  lifted: e.liftedAt ? `${formatChinaDate(e.liftedAt)} 已信用修复：${e.liftReason ?? ''}` : '',
});

const toRecord = (r: CreditRecordView): RecordRow => ({
  id: r.id,
  subject: `${r.subjectName}（${r.subjectType === 'company' ? '企业' : '个人'}）`,
  title: `${r.kindLabel}（${r.severityLabel}）`,
  measures: r.measures.join('、'),
  reason: r.reason,
  deadline: [
    r.correctionDeadline ? `请于 ${formatChinaDate(r.correctionDeadline)} 前改正${r.correctionDeadlineProvisional ? `（${PROVISIONAL_DATE_NOTE}）` : ''}` : '',
    r.blacklistUntil ? `失信黑名单至 ${formatChinaDate(r.blacklistUntil)}` : '',
  ].filter(Boolean).join('；'),
  recorded: `办件 ${r.caseNumber} · 记录于 ${formatChinaDate(r.recordedAt)}`,
});

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('信用记录'),
    inForce: [] as ListingRow[],
    past: [] as ListingRow[],
    records: [] as RecordRow[],
  },

  async load() {
    const mine = await listMyCreditRecords({});
    return {
      inForce: mine.blacklistings.filter((e) => e.status === 'inForce').map(toListing),
      past: mine.blacklistings.filter((e) => e.status !== 'inForce').map(toListing),
      records: mine.records.map(toRecord),
    };
  },
});
