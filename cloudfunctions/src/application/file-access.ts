import type { FileAccessView } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord } from '../domain/case';
import { FILE_LINK_SECONDS } from '../ports/files';
import type { Stored } from '../ports/store';
import type { Relation } from './access';
import { isFileRecord, loadChain } from './evidence';
import { findAll } from './find-all';
import type { FindingRecord } from './findings';
import type { FollowUpRecord } from './follow-ups';

// Reading a case file (R13): the caller asks for a short-lived link, after the case's own access check, and every
// link handed out is recorded in `fileAccess` (who, as what, when, which file). The applicant sees who opened their
// materials and recordings; the office sees every link.

export type CaseFileKind = 'material' | 'evidence' | 'recording' | 'supervision' | 'archive' | 'receipt';

export interface CaseFileRef {
  fileId: string;
  name: string;
  kind: CaseFileKind;
}

/** One link handed out, as stored in `fileAccess`. */
export interface FileAccessRecord {
  caseId: string;
  fileId: string;
  fileName: string;
  kind: CaseFileKind;
  openedBy: string;
  openedByName: string;
  /** The relation to the case it was opened under, in Chinese (申请人, 经办人, …). */
  roleLabel: string;
  at: string;
}

const KIND_LABELS: Record<CaseFileKind, string> = { material: '申请材料', evidence: '踏勘证据', recording: '录像', supervision: '监督回访材料', archive: '踏勘归档', receipt: '收件回执' };

/** The relation a link was opened under, most specific first. */
const RELATION_LABELS: [keyof Relation, string][] = [
  ['applicant', '申请人'], ['contact', '现场联系人'], ['handler', '经办人'], ['sectionHead', '科长'], ['sectionStaff', '审批工作人员'],
  ['observer', '观察员'], ['supervisor', '政策法规科'], ['regulator', '行业监管部门'], ['admin', '系统管理员'],
];

const isOffice = (r: Relation): boolean => r.handler || r.sectionStaff || r.sectionHead || r.supervisor || r.admin;

/** The files of the case this caller may open: the materials and the evidence; the office also the supervision files. */
export async function caseFilesFor(ctx: ActionContext, c: Stored<CaseRecord>, relation: Relation): Promise<Map<string, CaseFileRef>> {
  const files = new Map<string, CaseFileRef>();
  for (const m of c.materials) files.set(m.fileId, { fileId: m.fileId, name: m.name, kind: 'material' });
  for (const r of (await loadChain(ctx, c._id)).filter(isFileRecord)) {
    files.set(r.fileId, { fileId: r.fileId, name: r.fileName ?? `第 ${r.seq} 条证据`, kind: r.kind === 'recording' ? 'recording' : 'evidence' });
  }
  if (isOffice(relation)) {
    const followUps = await findAll<FollowUpRecord>(ctx.store, 'followUps', { where: { caseId: c._id } });
    const findings = await findAll<FindingRecord>(ctx.store, 'findings', { where: { caseId: c._id } });
    for (const m of [...followUps.flatMap((f) => f.outcome?.evidence ?? []), ...findings.flatMap((f) => f.evidence)]) {
      files.set(m.fileId, { fileId: m.fileId, name: m.name, kind: 'supervision' });
    }
  }
  return files;
}

/** A link to one file of the case, valid for FILE_LINK_SECONDS, recorded before it is handed out. */
export async function handOutLink(ctx: ActionContext, c: Stored<CaseRecord>, relation: Relation, file: CaseFileRef): Promise<string> {
  const record: FileAccessRecord = {
    caseId: c._id, fileId: file.fileId, fileName: file.name, kind: file.kind,
    openedBy: ctx.caller.openid, openedByName: ctx.caller.name || '申请人',
    roleLabel: RELATION_LABELS.find(([key]) => relation[key])?.[1] ?? '其他', at: ctx.now.toISOString(),
  };
  await ctx.store.insert('fileAccess', `${c._id}:${ctx.now.getTime()}:${ctx.ids.randomHex(6)}`, record);
  return ctx.files.downloadUrl(file.fileId, FILE_LINK_SECONDS);
}

/** Most recent first; at most this many are shown. */
const SHOWN = 200;

/** Who opened the case's files: the applicant sees their materials and recordings, the office every file. */
export async function fileAccessOf(ctx: ActionContext, c: Stored<CaseRecord>, relation: Relation): Promise<FileAccessView[]> {
  const office = isOffice(relation);
  if (!office && !relation.applicant) throw new AppError('FORBIDDEN', '只有申请人和审批人员可以查看文件查阅记录');
  const records = await ctx.store.find<FileAccessRecord>('fileAccess', { where: { caseId: c._id }, orderBy: [['at', 'desc']], limit: SHOWN });
  return records
    .filter((r) => office || r.kind === 'material' || r.kind === 'recording')
    .map((r) => ({ at: r.at, who: r.openedByName, roleLabel: r.roleLabel, fileName: r.fileName, kindLabel: KIND_LABELS[r.kind] }));
}
