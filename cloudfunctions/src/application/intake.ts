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

/** The claim an open application holds on its company and matter: one document per pair, so two submissions race on its id. */
export interface OpenApplicationClaim {
  caseId: string;
  claimedBy: string;
  claimedAt: string;
}

/** How long a claim whose case was never written (its request failed midway) keeps others out: the request lease. */
const UNWRITTEN_CLAIM_MS = 90_000;

export const openApplicationId = (creditCode: string, matterCode: string): string =>
  createHash('sha256').update(`${creditCode}\u0000${matterCode}`).digest('hex').slice(0, 40);

const alreadyOpen = (number: string) =>
  new AppError('DUPLICATE', `该企业的本事项已有正在办理的申请（办件编号 ${number}），请在该办件中继续办理，或撤回后再申请`);

/**
 * One open application per company and matter (issue 12): a second is refused naming the case in progress, so the
 * applicant continues there (or withdraws it) instead of the office handling the same matter twice. The query over
 * cases (by_credit_code) finds any open case; the claim document, taken by insert or compare-and-set, settles two
 * submissions in the same instant: the second finds the first's claim and is refused. A claim needs no release:
 * once its case is no longer open (or was never written and its lease ran out), the next application takes it over.
 */
export async function claimOpenApplication(ctx: ActionContext, caseId: string, creditCode: string, matterCode: string): Promise<void> {
  const [open] = await ctx.store.find<CaseRecord>('cases', {
    where: { 'company.creditCode': creditCode, matterCode, state: { op: 'in', value: [...OPEN_STATES] } },
    limit: 1,
  });
  if (open) throw alreadyOpen(open.number);
  const id = openApplicationId(creditCode, matterCode);
  const claim: OpenApplicationClaim = { caseId, claimedBy: ctx.caller.openid, claimedAt: ctx.now.toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    const held = await ctx.store.get<OpenApplicationClaim>('openApplications', id);
    if (!held) {
      if (await ctx.store.insert('openApplications', id, claim)) return;
      continue;
    }
    // `caseId` is fresh, so a claim found is another application's.
    const holder = await ctx.store.get<CaseRecord>('cases', held.caseId);
    if (holder && (OPEN_STATES as readonly string[]).includes(holder.state)) throw alreadyOpen(holder.number);
    const unwrittenAndFresh = !holder && held.claimedBy !== ctx.caller.openid
      && ctx.now.getTime() - new Date(held.claimedAt).getTime() < UNWRITTEN_CLAIM_MS;
    if (unwrittenAndFresh) throw new AppError('IN_PROGRESS', '该企业的本事项正有一份申请在提交中，请稍后刷新查看，勿重复提交');
    if ((await ctx.store.replace('openApplications', id, held._version, claim)) !== null) return;
  }
  throw new AppError('CONFLICT', '系统繁忙，请稍后重试');
}

/**
 * A new case's record. Its company and matter are claimed for `caseId` first (one open application each), and only
 * then are the materials frozen (`freeze`), so a refused application copies no file.
 */
export async function newCaseRecord(
  ctx: ActionContext, caseId: string, input: ApplicationInput, channel: IntakeChannel, applicantId: string | null,
  freeze: () => Promise<Material[]>,
): Promise<CaseRecord> {
  const matter = await loadMatter(ctx, input.matterCode);
  await checkModeAllowed(ctx, input, matter.remoteAllowed, applicantId);
  await claimOpenApplication(ctx, caseId, input.company.creditCode, matter.code);
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
    materials: await freeze(),
    state: 'submitted',
    handlerId: null,
    handlerName: null,
    submittedAt: ctx.now.toISOString(),
    acceptedAt: null,
    decidedAt: null,
  };
}
