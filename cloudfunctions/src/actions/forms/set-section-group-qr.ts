import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { writeAudit } from '../../application/audit';
import type { SectionSettings } from '../../application/group';
import { verifyOwnUploads } from '../../application/intake';
import { fileId } from './fields';

/**
 * The admin publishes a section's WeChat group QR code (or takes it down). Group pages of that section's cases then
 * show it, with the group label to copy as the member's nickname.
 */
export const setSectionGroupQr = defineAction({
  name: 'setSectionGroupQr',
  schema: () => z.strictObject({
    sectionCode: z.string().regex(/^[A-Z0-9-]{2,32}$/, { message: '科室编码格式不正确' }),
    qrFileId: fileId().optional(),
  }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { sectionCode, qrFileId }) {
    if (qrFileId) await verifyOwnUploads(ctx, [qrFileId], ctx.caller.openid);
    const settings: SectionSettings = {
      ...(qrFileId ? { wechatGroupQrFileId: qrFileId } : {}),
      updatedAt: ctx.now.toISOString(),
      updatedBy: ctx.caller.openid,
    };
    const before = await ctx.store.get<SectionSettings>('sectionSettings', sectionCode);
    const version = before
      ? await ctx.store.replace('sectionSettings', sectionCode, before._version, settings)
      : (await ctx.store.insert('sectionSettings', sectionCode, settings)) ? 1 : null;
    if (version === null) throw new AppError('CONFLICT', '该科室设置刚被修改，请刷新后重试');
    await writeAudit(ctx, `sectionSettings/${sectionCode}:${version}`, {
      action: 'setSectionGroupQr', subject: `sectionSettings/${sectionCode}`, note: qrFileId ? '发布微信群二维码' : '撤下微信群二维码',
    });
    return { sectionCode, published: !!qrFileId };
  },
});
