import type { GroupMember, GroupMessageView, GroupRole, GroupView, Page } from '../../../typings/models';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import { meetingManual } from '../catalogue/meeting-manual';
import type { CaseRecord } from '../domain/case';
import { type Relation, relationTo } from './access';
import type { StoredCase } from './cases';
import { loadMatter } from './catalogue';
import { toReadinessView } from './readiness';

export const ROLE_LABELS: Record<GroupRole, string> = {
  applicant: '申请人',
  contact: '现场联系人',
  handler: '经办人',
  observer: '观察员',
};

/** A message in `groupMessages`. */
export interface GroupMessage {
  caseId: string;
  at: string;
  senderId: string;
  senderRole: GroupRole;
  text?: string;
  imageFileId?: string;
}

/** Per-section settings in `sectionSettings` (id = section code). */
export interface SectionSettings {
  /** The section's WeChat group QR code, published by an admin. */
  wechatGroupQrFileId?: string;
  updatedAt: string;
  updatedBy: string;
}

export const groupRoleOf = (r: Relation): GroupRole | null =>
  r.applicant ? 'applicant' : r.handler ? 'handler' : r.contact ? 'contact' : r.observer ? 'observer' : null;

/**
 * Who sees the group: its members (applicant, on-site contacts, handler, observers), and those who read every
 * case of it (section head, supervisors, admin). The group exists from acceptance.
 */
export function authorizeGroup(ctx: ActionContext, c: CaseRecord): Relation {
  const r = relationTo(ctx.caller, c);
  if (!groupRoleOf(r) && !r.sectionHead && !r.supervisor && !r.admin) throw new AppError('FORBIDDEN', '您不是该踏勘群的成员');
  if (!c.acceptedAt) throw new AppError('NOT_FOUND', '办件受理后才建立踏勘群');
  return r;
}

function membersOf(ctx: ActionContext, c: CaseRecord): GroupMember[] {
  const label = c.groupLabel ?? '';
  const member = (role: GroupRole, openid: string): GroupMember => ({ role, roleLabel: ROLE_LABELS[role], label, me: openid === ctx.caller.openid });
  return [
    ...(c.applicantId ? [member('applicant', c.applicantId)] : []),
    ...(c.contactIds ?? []).map((id) => member('contact', id)),
    ...(c.handlerId ? [member('handler', c.handlerId)] : []),
    ...(c.observerIds ?? []).map((id) => member('observer', id)),
  ];
}

export async function messageView(ctx: ActionContext, c: CaseRecord, m: GroupMessage & { _id: string }): Promise<GroupMessageView> {
  return {
    id: m._id,
    at: m.at,
    senderRole: m.senderRole,
    senderLabel: `${ROLE_LABELS[m.senderRole]} ${c.groupLabel ?? ''}`,
    mine: m.senderId === ctx.caller.openid,
    ...(m.text ? { text: m.text } : {}),
    ...(m.imageFileId ? { imageUrl: await ctx.files.downloadUrl(m.imageFileId) } : {}),
  };
}

/** A page of the group's messages counted back from the newest (offset 0 = the latest), shown oldest first. */
export async function pageOfMessages(ctx: ActionContext, c: StoredCase, offset = 0, limit = 30): Promise<Page<GroupMessageView>> {
  const [newestFirst, total] = await Promise.all([
    ctx.store.find<GroupMessage>('groupMessages', { where: { caseId: c._id }, orderBy: [['at', 'desc']], offset, limit }),
    ctx.store.count('groupMessages', { caseId: c._id }),
  ]);
  const items = await Promise.all(newestFirst.reverse().map((m) => messageView(ctx, c, m)));
  return { items, total, offset, limit };
}

async function wechatGroupOf(ctx: ActionContext, c: CaseRecord): Promise<GroupView['wechatGroup']> {
  const settings = await ctx.store.get<SectionSettings>('sectionSettings', c.sectionCode);
  if (!settings?.wechatGroupQrFileId) return undefined;
  return { qrCodeUrl: await ctx.files.downloadUrl(settings.wechatGroupQrFileId), nickname: c.groupLabel ?? '' };
}

export async function toGroupView(ctx: ActionContext, c: StoredCase): Promise<GroupView> {
  const [readiness, matter, messages, wechatGroup] = await Promise.all([
    toReadinessView(ctx, c), loadMatter(ctx, c.matterCode), pageOfMessages(ctx, c), wechatGroupOf(ctx, c),
  ]);
  return {
    ...readiness,
    label: c.groupLabel ?? '',
    members: membersOf(ctx, c),
    messages,
    preparation: matter.preparation,
    manual: meetingManual(matter),
    ...(wechatGroup ? { wechatGroup } : {}),
  };
}
