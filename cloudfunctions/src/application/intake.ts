import { createHash } from 'node:crypto';
import type { ApplicationInput } from '../../../typings/api';
import type { IntakeChannel } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import type { CaseRecord, Material } from '../domain/case';
import { caseNumber, caseNumberCounterId } from '../domain/case-number';
import { OPEN_STATES } from '../domain/case-state';
import { activeBlacklisting, blacklistKeys } from './blacklist';
import { loadMatter } from './catalogue';

/** An upload place handed out by requestUpload; a file may only be attached by the person it was handed to. */
export interface UploadRecord {
  ownerId: string;
  cloudPath: string;
  purpose: 'material' | 'evidence' | 'proof' | 'signature' | 'groupQr' | 'formTemplate';
  fileName: string;
  size: number;
  createdAt: string;
}

export const uploadId = (cloudPath: string): string => createHash('sha256').update(cloudPath).digest('hex').slice(0, 40);

/** The cloud path inside a file id: `cloud://env.bucket/<path>` in CloudBase, `local://<path>` locally. */
export const cloudPathOf = (fileId: string): string | null => {
  const m = /^(?:cloud:\/\/[^/]+\/|local:\/\/)(uploads\/.+)$/.exec(fileId);
  return m ? m[1]! : null;
};

/** Checks each file was uploaded by the caller to a place handed to them, and that it really arrived. */
export async function verifyOwnUploads(ctx: ActionContext, fileIds: string[], ownerId: string): Promise<Material[]> {
  const materials: Material[] = [];
  for (const fileId of new Set(fileIds)) {
    const path = cloudPathOf(fileId);
    const upload = path ? await ctx.store.get<UploadRecord>('uploads', uploadId(path)) : null;
    if (!upload || upload.ownerId !== ownerId) throw new AppError('FORBIDDEN', '只能提交本人上传的材料');
    const info = await ctx.files.stat(fileId);
    if (!info) throw new AppError('VALIDATION', `材料「${upload.fileName}」尚未上传完成，请重新上传`);
    materials.push({ fileId, name: upload.fileName, size: info.size, uploadedAt: upload.createdAt });
  }
  return materials;
}

/** Remote inspection is the applicant's choice (R1), refused for a matter that does not allow it and for the blacklisted (R8). */
async function checkModeAllowed(ctx: ActionContext, input: ApplicationInput, remoteAllowed: boolean, applicantId: string | null): Promise<void> {
  if (input.mode !== 'remote') return;
  if (!remoteAllowed) throw new AppError('REMOTE_NOT_ALLOWED');
  const listing = await activeBlacklisting(ctx, blacklistKeys({ creditCode: input.company.creditCode, openid: applicantId, phone: input.applicantPhone }));
  if (listing) throw new AppError('BLACKLISTED', `申请主体已被列入失信黑名单（${listing.reason}），不能选择远程视频踏勘，请选择现场踏勘`);
}

/** The day's next sequence number, handed out by compare-and-set on a counter document. */
export async function nextCaseNumber(ctx: ActionContext): Promise<string> {
  const prefix = ctx.config.caseNumberPrefix;
  const id = caseNumberCounterId(prefix, ctx.now);
  for (let attempt = 0; attempt < 20; attempt++) {
    const counter = await ctx.store.get<{ value: number }>('counters', id);
    if (!counter) {
      if (await ctx.store.insert('counters', id, { value: 1 })) return caseNumber(prefix, ctx.now, 1);
      continue;
    }
    if ((await ctx.store.replace('counters', id, counter._version, { value: counter.value + 1 })) !== null) {
      return caseNumber(prefix, ctx.now, counter.value + 1);
    }
  }
  throw new AppError('CONFLICT', '系统繁忙，请稍后重试');
}

/**
 * One open application per company and matter (issue 12): a second is refused naming the case in progress, so the
 * applicant continues there (or withdraws it) instead of the office handling the same matter twice. Served by the
 * by_credit_code index. Two submissions in the same instant can both pass; the section sees both in its queue.
 */
export async function refuseIfAlreadyOpen(ctx: ActionContext, creditCode: string, matterCode: string): Promise<void> {
  const [open] = await ctx.store.find<CaseRecord>('cases', {
    where: { 'company.creditCode': creditCode, matterCode, state: { op: 'in', value: [...OPEN_STATES] } },
    limit: 1,
  });
  if (open) {
    throw new AppError('DUPLICATE', `该企业的本事项已有正在办理的申请（办件编号 ${open.number}），请在该办件中继续办理，或撤回后再申请`);
  }
}

export async function newCaseRecord(
  ctx: ActionContext, input: ApplicationInput, channel: IntakeChannel, applicantId: string | null, materials: Material[],
): Promise<CaseRecord> {
  const matter = await loadMatter(ctx, input.matterCode);
  await checkModeAllowed(ctx, input, matter.remoteAllowed, applicantId);
  await refuseIfAlreadyOpen(ctx, input.company.creditCode, matter.code);
  return {
    number: await nextCaseNumber(ctx),
    matterCode: matter.code,
    matterName: matter.name,
    sectionCode: matter.sectionCode,
    sectorCode: matter.sectorCode,
    mode: input.mode,
    channel,
    applicantId,
    applicantName: input.applicantName,
    applicantPhone: input.applicantPhone,
    company: input.company,
    premises: input.premises,
    materials,
    state: 'submitted',
    handlerId: null,
    handlerName: null,
    submittedAt: ctx.now.toISOString(),
    acceptedAt: null,
    decidedAt: null,
  };
}
