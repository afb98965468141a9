// The credit consequences of a finding (R8, R15): the credit file 诚信档案, an order to correct, revocation of the
// licence and the dishonesty blacklist 失信黑名单 with its credit-repair path 信用修复.

import type { BlacklistEntryView, BlacklistStatus, CreditRecordView, FindingKind, FindingSeverity } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import { yearsAround } from '../ports/calendar';
import { type CreditMeasure, FINDING_KIND_LABELS, MEASURE_LABELS, SEVERITY_LABELS, listingEnd, mayBlacklist } from '../domain/credit-finding';
import { maskName, maskPhone } from '../domain/masking';
import { deadlineAfter } from '../domain/working-days';
import { formatChina } from '../domain/china-time';
import type { Stored } from '../ports/store';
import { writeAudit } from './audit';
import type { BlacklistEntry } from './blacklist';
import { type StoredCase, loadCase, saveCase } from './cases';
import { PROVISIONAL_NOTE, keyedNotices, noticeToApplicant, provisionalDateNotice } from './notices';
import { roleHolders } from './role-holders';
import type { FindingRecord, StoredFinding } from './findings';
import { SUPERVISE_PAGES } from './supervision-pages';

/** One entry of the credit file of a company (by credit code) or a person (by OPENID, or phone if unknown). */
export interface CreditRecord {
  subjectKey: string;
  subjectType: 'company' | 'person';
  subjectName: string;
  caseId: string;
  caseNumber: string;
  findingId: string;
  kind: FindingKind;
  severity: FindingSeverity;
  measures: CreditMeasure[];
  reason: string;
  correctionDeadline?: string;
  /** Counted on the statutory holidays of a year whose notice is not yet entered. */
  correctionDeadlineProvisional?: boolean;
  blacklistUntil?: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
}

/** A blacklist entry as this area stores it: the intake check reads the BlacklistEntry fields only. */
export interface ListingRecord extends BlacklistEntry {
  subjectType: 'company' | 'person' | 'phone';
  subjectName: string;
  caseId: string;
  caseNumber: string;
  findingId: string;
  /** The listed person's OPENID, told when the listing is lifted. */
  openid: string | null;
  listedBy: string;
  listedByName: string;
  liftedAt?: string;
  liftReason?: string;
  liftedBy?: string;
  liftedByName?: string;
}

export interface CreditDecisionInput {
  reason: string;
  correctionWorkingDays?: number;
  revokeLicence?: boolean;
  blacklistMonths?: number;
}

interface Subject {
  type: 'company' | 'person' | 'phone';
  key: string;
  name: string;
}

/** The company, and the applicant by OPENID (or by phone for a counter case never claimed in the Mini Program). */
const subjectsOf = (c: StoredCase): [Subject, Subject] => [
  { type: 'company', key: `company:${c.company.creditCode}`, name: c.company.name },
  c.applicantId
    ? { type: 'person', key: `person:${c.applicantId}`, name: c.applicantName }
    : { type: 'phone', key: `phone:${c.applicantPhone}`, name: c.applicantName },
];

/**
 * Revokes the licence the case led to: the case shows 已撤销, the applicant and the sector's regulators are told.
 * Repeating the same finding's decision (a retry) leaves an already revoked case alone.
 */
async function revokeLicence(ctx: ActionContext, c: StoredCase, findingId: string, reason: string): Promise<void> {
  if (c.revocation?.findingId === findingId) return;
  if (c.revocation) throw new AppError('INVALID_STATE', '该办件的许可已撤销');
  if (c.state !== 'passed' && c.state !== 'archived') throw new AppError('INVALID_STATE', '只有踏勘通过的办件才有可撤销的许可');
  const regulators = await roleHolders(ctx.store, 'regulator', c.sectorCode);
  const body = `${c.number} ${c.matterName}（${c.company.name}）的行政许可已被撤销：${reason}`;
  await saveCase(ctx, c, { ...c, revocation: { revokedAt: ctx.now.toISOString(), reason, findingId, byName: ctx.caller.name } }, {
    action: 'revokeLicence',
    note: reason,
    notices: [
      ...noticeToApplicant(c, 'licenceRevoked', body),
      ...regulators.map((r) => ({
        event: 'licenceRevoked' as const, to: r._id, title: '行政许可已撤销', body, page: SUPERVISE_PAGES.case(c._id),
        fields: { number: c.number, matter: c.matterName },
      })),
    ],
  });
}

/**
 * The supervisor's decision on a pending finding. Every step is keyed by the finding (credit records and listings
 * have ids derived from it, the revocation names it), and the finding is marked decided last by compare-and-set:
 * a retry after a failure completes the decision instead of doubling it, and two supervisors deciding at once
 * cannot both succeed.
 */
export async function decideOnFinding(ctx: ActionContext, finding: StoredFinding, version: number, input: CreditDecisionInput): Promise<StoredFinding> {
  if (finding._version !== version) throw new AppError('CONFLICT', '该问题记录刚被他人处理，请刷新后重试');
  if (finding.status !== 'pending') throw new AppError('INVALID_STATE', '该问题已作出处理决定');
  if (input.blacklistMonths && !mayBlacklist(finding.severity)) {
    throw new AppError('VALIDATION', '轻微问题不列入失信黑名单，可记入诚信档案或责令限期改正');
  }
  const c = await loadCase(ctx, finding.caseId);
  if (input.revokeLicence) await revokeLicence(ctx, c, finding._id, input.reason);

  const measures: CreditMeasure[] = [
    'creditFile',
    ...(input.correctionWorkingDays ? (['correction'] as const) : []),
    ...(input.revokeLicence ? (['revocation'] as const) : []),
    ...(input.blacklistMonths ? (['blacklist'] as const) : []),
  ];
  const correction = input.correctionWorkingDays
    ? deadlineAfter(ctx.now, input.correctionWorkingDays, await yearsAround(ctx.calendar, ctx.now))
    : undefined;
  const correctionDeadline = correction?.deadline.toISOString();
  const correctionMark = correction?.provisional ? { correctionDeadlineProvisional: true } : {};
  const blacklistUntil = input.blacklistMonths ? listingEnd(ctx.now, input.blacklistMonths).toISOString() : undefined;
  const recordedAt = ctx.now.toISOString();
  const subjects = subjectsOf(c);

  for (const subject of subjects) {
    const record: CreditRecord = {
      subjectKey: subject.key, subjectType: subject.type === 'company' ? 'company' : 'person', subjectName: subject.name,
      caseId: c._id, caseNumber: c.number, findingId: finding._id, kind: finding.kind, severity: finding.severity,
      measures, reason: input.reason,
      ...(correctionDeadline ? { correctionDeadline, ...correctionMark } : {}),
      ...(blacklistUntil ? { blacklistUntil } : {}),
      recordedAt, recordedBy: ctx.caller.openid, recordedByName: ctx.caller.name,
    };
    await ctx.store.insert('creditRecords', `${finding._id}-${subject.type}`, record);
  }
  if (blacklistUntil) {
    for (const subject of subjects) {
      const id = `${finding._id}-${subject.type}`;
      const listing: ListingRecord = {
        subjectKey: subject.key, active: true, reason: `${FINDING_KIND_LABELS[finding.kind]}：${input.reason}`,
        listedAt: recordedAt, until: blacklistUntil, subjectType: subject.type, subjectName: subject.name,
        caseId: c._id, caseNumber: c.number, findingId: finding._id, openid: c.applicantId,
        listedBy: ctx.caller.openid, listedByName: ctx.caller.name,
      };
      if (await ctx.store.insert('blacklist', id, listing)) {
        await writeAudit(ctx, `blacklist/${id}:1`, { action: 'listOnBlacklist', subject: `blacklist/${id}`, note: listing.reason });
      }
    }
  }

  const { _id, _version, ...body } = finding;
  const decided: FindingRecord = {
    ...body,
    status: 'decided',
    decision: {
      decidedAt: recordedAt, decidedBy: ctx.caller.openid, decidedByName: ctx.caller.name, reason: input.reason,
      licenceRevoked: Boolean(input.revokeLicence),
      ...(correctionDeadline ? { correctionDeadline, ...correctionMark } : {}),
      ...(blacklistUntil ? { blacklistUntil } : {}),
    },
  };
  const newVersion = await ctx.store.replace('findings', _id, _version, decided);
  if (newVersion === null) throw new AppError('CONFLICT', '该问题记录刚被他人处理，请刷新后重试');
  const summary = measures.map((m) => MEASURE_LABELS[m]).join('、');
  await writeAudit(ctx, `findings/${_id}:${newVersion}`, {
    action: 'decideCreditPenalty', subject: `findings/${_id}`, caseId: c._id, note: `${summary}：${input.reason}`,
  });
  const correctionDate = correctionDeadline && formatChina(correctionDeadline, 'YYYY-MM-DD');
  if (correction?.provisional) await ctx.notifier.queue(keyedNotices(`findings:${_id}`, c._id, provisionalDateNotice(c, '责令改正期限', correctionDate!)));
  if (c.applicantId) {
    const deadline = correctionDate ? `，请于 ${correctionDate} 前改正${correction!.provisional ? `（${PROVISIONAL_NOTE}）` : ''}` : '';
    await ctx.notifier.queue([{
      id: `findings:${_id}:creditDecision:${c.applicantId}`, event: 'creditDecision', to: c.applicantId, caseId: c._id,
      title: '信用惩戒决定', body: `${c.number} ${FINDING_KIND_LABELS[finding.kind]}：${summary}${deadline}`,
      page: SUPERVISE_PAGES.credit, fields: { number: c.number, matter: c.matterName },
    }]);
  }
  return { ...decided, _id, _version: newVersion };
}

/** Credit repair 信用修复: the supervisor lifts a listing with the reason; the listed person is told. */
export async function liftListing(ctx: ActionContext, id: string, version: number, reason: string): Promise<Stored<ListingRecord>> {
  const entry = await ctx.store.get<ListingRecord>('blacklist', id);
  if (!entry) throw new AppError('NOT_FOUND', '未找到该失信黑名单记录');
  if (entry._version !== version) throw new AppError('CONFLICT', '该记录刚被他人修改，请刷新后重试');
  if (!entry.active) throw new AppError('INVALID_STATE', '该名单已解除');
  const { _id, _version, ...body } = entry;
  const lifted: ListingRecord = {
    ...body, active: false, liftedAt: ctx.now.toISOString(), liftReason: reason, liftedBy: ctx.caller.openid, liftedByName: ctx.caller.name,
  };
  const newVersion = await ctx.store.replace('blacklist', _id, _version, lifted);
  if (newVersion === null) throw new AppError('CONFLICT', '该记录刚被他人修改，请刷新后重试');
  await writeAudit(ctx, `blacklist/${_id}:${newVersion}`, { action: 'liftBlacklisting', subject: `blacklist/${_id}`, caseId: entry.caseId, note: reason });
  if (entry.openid) {
    await ctx.notifier.queue([{
      id: `blacklist:${_id}:${newVersion}:blacklistLifted:${entry.openid}`, event: 'blacklistLifted', to: entry.openid, caseId: entry.caseId,
      title: '失信黑名单已解除', body: `经信用修复，${entry.subjectName} 已移出失信黑名单：${reason}`,
      page: SUPERVISE_PAGES.credit, fields: { number: entry.caseNumber, matter: '信用修复' },
    }]);
  }
  return { ...lifted, _id, _version: newVersion };
}

export const toCreditRecordView = (r: Stored<CreditRecord>): CreditRecordView => ({
  id: r._id,
  subjectType: r.subjectType,
  subjectName: r.subjectType === 'company' ? r.subjectName : maskName(r.subjectName),
  caseNumber: r.caseNumber,
  kindLabel: FINDING_KIND_LABELS[r.kind],
  severityLabel: SEVERITY_LABELS[r.severity],
  measures: r.measures.map((m) => MEASURE_LABELS[m]),
  reason: r.reason,
  ...(r.correctionDeadline ? { correctionDeadline: r.correctionDeadline } : {}),
  ...(r.correctionDeadlineProvisional ? { correctionDeadlineProvisional: true } : {}),
  ...(r.blacklistUntil ? { blacklistUntil: r.blacklistUntil } : {}),
  recordedAt: r.recordedAt,
});

const LISTING_STATUS_LABELS: Record<BlacklistStatus, string> = { inForce: '生效中', expired: '已到期', lifted: '已信用修复' };

export function toListingView(e: Stored<ListingRecord>, now: Date): BlacklistEntryView {
  const status: BlacklistStatus = !e.active ? 'lifted' : e.until !== null && e.until <= now.toISOString() ? 'expired' : 'inForce';
  const subjectName =
    e.subjectType === 'company'
      ? e.subjectName
      : e.subjectType === 'phone'
        ? `${maskName(e.subjectName)}（${maskPhone(e.subjectKey.slice('phone:'.length))}）`
        : maskName(e.subjectName);
  return {
    id: e._id,
    version: e._version,
    subjectType: e.subjectType,
    subjectName,
    caseNumber: e.caseNumber,
    reason: e.reason,
    listedAt: e.listedAt,
    until: e.until,
    status,
    statusLabel: LISTING_STATUS_LABELS[status],
    ...(e.liftedAt ? { liftedAt: e.liftedAt } : {}),
    ...(e.liftReason ? { liftReason: e.liftReason } : {}),
  };
}
