import type { ChecklistItem } from '../../../typings/models';
import type { ActionContext, UserRecord } from '../api/context';
import type { FormKind } from '../catalogue/form-templates';
import { formatChina } from '../domain/china-time';
import { type ArchiveRecord, type DecisionRecord, type InspectionRound, OUTCOME_LABELS, RESULT_LABELS, findingOf } from '../domain/inspection';
import { FORM_KINDS } from '../domain/signed-form';
import type { Notice } from '../ports/notifier';
import { MODE_NAMES } from '../domain/inspection-mode';
import type { ArchivePictureRef, ArchiveJob } from '../ports/pdf';
import type { ArchiveChecklistItem } from '../render/archive-pdf';
import type { StoredCase } from './cases';
import { loadChecklist } from './catalogue';
import { type EvidenceRecord, KIND_LABELS, type Supersession, isFileRecord, loadChain, supersessions } from './evidence';
import { changeCase } from './inspection';
import { caseNotice } from './notices';
import { roleHolders } from './role-holders';

// The inspection archive (R13) and the push to the sector regulator (R15), made when a case is finally decided.

/** A decided case in a regulator's inbox, as stored in `regulatorInbox` (id = the case id). */
export interface RegulatorInboxRecord {
  caseId: string;
  sectorCode: string;
  number: string;
  matterCode: string;
  matterName: string;
  companyName: string;
  outcome: DecisionRecord['outcome'];
  decidedAt: string;
  pushedAt: string;
  /** The regulators of the sector at the push, each sent a notice `<caseId>:casePushed:<openid>`. */
  recipients: string[];
}

export const pushNoticeId = (caseId: string, openid: string): string => `${caseId}:casePushed:${openid}`;

const PICTURE_KINDS = new Set<string>(['screenshot', 'live-photo', 'proof']);

/**
 * Renders and stores the archive PDF, pushes the case to its sector's regulators, then marks the case archived.
 * Each step can be repeated (archiveCase) if a later one failed: the inbox entry and the notices keep their first
 * copy, and a new rendering is stored under a new name.
 */
export async function archiveAndPush(ctx: ActionContext, c: StoredCase): Promise<StoredCase> {
  const input = await archiveInputOf(ctx, c);
  const stamp = formatChina(ctx.now, 'YYYYMMDDHHmmss');
  const { fileId, sha256, size, unsupportedCharacters } = await ctx.pdf.render({ kind: 'archive', caseId: c._id, pathPrefix: `cases/${c._id}/archive/${c.number}-${stamp}`, input });
  const archive: ArchiveRecord = {
    fileId,
    fileName: `踏勘档案-${c.number}.pdf`,
    sha256,
    size,
    generatedAt: ctx.now.toISOString(),
    chainHead: c.evidenceHead ? { seq: c.evidenceHead.seq, entryHash: c.evidenceHead.entryHash } : null,
    unsupportedCharacters,
  };
  await pushToRegulators(ctx, c);
  return changeCase(ctx, { caseId: c._id }, 'archiveCase', (fresh, to) => [
    { ...fresh, state: to, archive },
    { note: `档案 SHA-256 ${archive.sha256}，已推送行业监管部门` },
  ]);
}

async function pushToRegulators(ctx: ActionContext, c: StoredCase): Promise<void> {
  const decision = c.decisions!.at(-1)!;
  const regulators = await roleHolders(ctx.store, 'regulator', c.sectorCode);
  const entry: RegulatorInboxRecord = {
    caseId: c._id, sectorCode: c.sectorCode, number: c.number, matterCode: c.matterCode, matterName: c.matterName,
    companyName: c.company.name, outcome: decision.outcome, decidedAt: decision.decidedAt, pushedAt: ctx.now.toISOString(),
    recipients: regulators.map((u) => u._id),
  };
  await ctx.store.insert('regulatorInbox', c._id, entry);
  const result = OUTCOME_LABELS[decision.outcome];
  const notices: Notice[] = regulators.map((u) => ({
    ...caseNotice(c, 'sectorRegulators', u._id, 'casePushed', `${c.company.name} ${c.matterName}：踏勘${result}`, { company: c.company.name, result }),
    id: pushNoticeId(c._id, u._id),
    caseId: c._id,
  }));
  await ctx.notifier.queue(notices);
}

async function archiveInputOf(ctx: ActionContext, c: StoredCase): Promise<ArchiveJob['input']> {
  const checklist = (await loadChecklist(ctx.store, c.matterCode, c.checklistVersion!)).items;
  const records = await loadChain(ctx, c._id);
  const marked = supersessions(records);
  const decisions = c.decisions ?? [];
  const final = decisions.at(-1)!;
  const observers = await Promise.all((c.observerIds ?? []).map((id) => ctx.store.get<UserRecord>('users', id)));
  return {
    officeName: ctx.config.officeName,
    modeName: MODE_NAMES[c.mode],
    caseNumber: c.number,
    matterName: c.matterName,
    company: c.company,
    premisesAddress: c.premises.address,
    applicantName: c.applicantName,
    handlerName: c.handlerName ?? '',
    observerNames: observers.flatMap((u) => (u ? [u.name] : [])),
    acceptedAt: c.acceptedAt ?? c.submittedAt,
    decidedAt: final.decidedAt,
    decision: final.outcome === 'pass' ? 'passed' : 'failed',
    checklistVersion: c.checklistVersion!,
    checklist: archiveChecklist(checklist, c.inspections ?? []),
    opinion: {
      text: decisions.map((d) => opinionText(d, decisions.length > 1)).join('\n'),
      signatureFileId: final.signatureFileId,
      signedAt: final.decidedAt,
    },
    observerRemarks: (c.observerRemarks ?? []).map((m) => ({ observerName: m.byName, at: m.at, text: m.text })),
    pictures: picturesOf(records, marked),
    evidence: records.filter(isFileRecord).map((e) => ({
      seq: e.seq,
      description: [KIND_LABELS[e.kind], e.fileName, e.description].filter(Boolean).join(' '),
      storedAt: e.uploadedAt,
      sha256: e.fileSha256,
      ...(marked.has(e.seq) ? { supersededReason: marked.get(e.seq)!.reason } : {}),
    })),
    chainHead: c.evidenceHead?.entryHash ?? '无（本案没有证据记录）',
    signedForms: signedFormsOf(c),
    generatedAt: ctx.now.toISOString(),
  };
}

/** Each item checked, with its latest result; a re-checked item's note gives the first finding beside the follow-up. */
function archiveChecklist(checklist: readonly ChecklistItem[], rounds: readonly InspectionRound[]): ArchiveChecklistItem[] {
  return checklist.flatMap((item) => {
    const findings = rounds.flatMap((round) => {
      const f = findingOf(round, item.code);
      return f ? [f] : [];
    });
    const latest = findings.at(-1);
    if (!latest) return [];
    const withEvidence = (note: string | null, seqs: number[]) =>
      [note, seqs.length ? `证据 ${seqs.join('、')}` : null].filter(Boolean).join('；');
    const note = findings.length > 1
      ? findings.map((f, i) => `${i === 0 ? '首次' : `第 ${i + 1} 次复查`}：${RESULT_LABELS[f.result]}${f.note ? `（${f.note}）` : ''}`).join('；')
      : withEvidence(latest.note, latest.evidenceSeqs);
    return [{ code: item.code, title: item.title, result: latest.result, ...(note ? { note } : {}) }];
  });
}

function opinionText(d: DecisionRecord, numbered: boolean): string {
  const heading = numbered ? `【第 ${d.round} 轮${d.afterDeadline ? '，整改期满' : ''}：${OUTCOME_LABELS[d.outcome]}，${formatChina(d.decidedAt, 'YYYY-MM-DD')}】` : '';
  const reasons = d.reasons.length ? ` 不通过理由：${d.reasons.map((r, i) => `${i + 1}. ${r}`).join(' ')}` : '';
  return `${heading}${d.opinion}${reasons}`;
}

/** The pictures among the evidence still in force; the pdf function reads them and leaves out a file it cannot print. */
function picturesOf(records: readonly EvidenceRecord[], marked: Map<number, Supersession>): ArchivePictureRef[] {
  return records.flatMap((e) => {
    if (!isFileRecord(e) || !PICTURE_KINDS.has(e.kind) || marked.has(e.seq)) return [];
    const live = e.source === 'in-app-camera';
    return [{
      evidenceSeq: e.seq,
      fileId: e.fileId,
      source: live ? 'live' as const : 'album' as const,
      capturedAt: live && e.capturedAt ? e.capturedAt : e.uploadedAt,
      ...(live && e.location
        ? { place: `纬度 ${e.location.latitude.toFixed(5)}，经度 ${e.location.longitude.toFixed(5)}${e.location.accuracy !== null ? `（精度 ±${Math.round(e.location.accuracy)} 米）` : ''}` }
        : {}),
      description: [KIND_LABELS[e.kind], e.description].filter(Boolean).join('：'),
    }];
  });
}

/** Both copies of each form the applicant signed (R6), as the forms area records them (file and hash); none before signing. */
function signedFormsOf(c: StoredCase): ArchiveJob['input']['signedForms'] {
  return FORM_KINDS.flatMap((kind: FormKind) => {
    const form = c.forms?.[kind];
    if (!form) return [];
    return [
      { kind, version: form.templateVersion, copy: 'office' as const, signedAt: form.countersign?.at ?? form.signedAt, fileId: form.officeCopy.fileId, sha256: form.officeCopy.sha256 },
      { kind, version: form.templateVersion, copy: 'applicant' as const, signedAt: form.signedAt, fileId: form.applicantCopy.fileId, sha256: form.applicantCopy.sha256 },
    ];
  });
}
