import type { DecisionView, EvidenceView, InspectionView, RectificationView } from '../../typings/models';
import { formatChinaTime } from './china-time';
import { formatSize } from './format';

// The inspection record as the pages show it, formatted once: evidence, decisions, the rectification.

export interface EvidenceRow {
  seq: number;
  title: string;
  name: string;
  detail: string;
  /** When and where the Mini Program's camera took it; '' for album and chat files. */
  captured: string;
  sha256: string;
  superseded: string;
  /** Opened through getFileUrl (services/file/open-file). */
  fileId: string;
  isImage: boolean;
}

const IMAGE = /\.(jpe?g|png|gif|webp|bmp|heic)$/i;

export const toEvidenceRow = (e: EvidenceView): EvidenceRow => ({
  seq: e.seq,
  title: `第 ${e.seq} 条 · ${e.kindLabel}`,
  name: e.fileName ?? '',
  detail: [e.sourceLabel, e.uploadedByName, formatChinaTime(e.uploadedAt), formatSize(e.size)].join(' · '),
  captured: e.capturedAt
    ? `小程序内拍摄于 ${formatChinaTime(e.capturedAt, true)}${e.location?.accuracy != null ? `，定位精度 ${e.location.accuracy} 米` : ''}`
    : '',
  sha256: e.sha256,
  superseded: e.superseded ? `已作废（由第 ${e.superseded.bySeq} 条记录）：${e.superseded.reason}` : '',
  fileId: e.fileId,
  isImage: IMAGE.test(e.fileName ?? ''),
});

export interface DecisionSummary {
  outcome: DecisionView['outcome'];
  outcomeLabel: string;
  opinion: string;
  reasons: string[];
  byline: string;
}

export const toDecisionSummary = (d: DecisionView): DecisionSummary => ({
  outcome: d.outcome,
  outcomeLabel: d.outcomeLabel,
  opinion: d.opinion,
  reasons: d.reasons,
  byline: `${d.decidedByName} · ${formatChinaTime(d.decidedAt)}${d.afterDeadline ? ' · 整改期满后决定' : ''}`,
});

export interface RectificationSummary {
  deadlineText: string;
  overdue: boolean;
  requestedText: string;
  allProven: boolean;
  items: Array<{ id: string; requirement: string; proofText: string; proven: boolean }>;
}

export const toRectificationSummary = (r: RectificationView): RectificationSummary => ({
  deadlineText: `${formatChinaTime(r.deadline)} 前（${r.workingDays} 个工作日${r.deadlineProvisional ? '，暂按法定假日计算，以当年节假日通知为准' : ''}）`,
  overdue: r.overdue,
  requestedText: r.reinspectionRequestedAt ? `已于 ${formatChinaTime(r.reinspectionRequestedAt)} 申请复查` : '',
  allProven: r.items.every((i) => i.proofs.length > 0),
  items: r.items.map((i) => ({
    id: i.id,
    requirement: i.requirement,
    proven: i.proofs.length > 0,
    proofText: i.proofs.length ? `已提交 ${i.proofs.length} 份整改材料，最近一次 ${formatChinaTime(i.proofs[i.proofs.length - 1]!.submittedAt)}` : '尚未提交整改材料',
  })),
});

/** The latest decision, if any. */
export const latestDecision = (v: InspectionView): DecisionSummary | null =>
  v.decisions.length ? toDecisionSummary(v.decisions[v.decisions.length - 1]!) : null;
