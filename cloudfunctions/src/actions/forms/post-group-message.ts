import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, text } from '../../api/validation';
import { authorizeCaseAction } from '../../application/access';
import { loadCase } from '../../application/cases';
import { type GroupMessage, groupRoleOf, messageView } from '../../application/group';
import { verifyOwnUploads } from '../../application/intake';
import { fileId } from './fields';

/**
 * A message in the group between the officer and the applicant's side (text and/or a picture the sender uploaded).
 * Observers read along. The group page shows new messages when it refreshes; no subscription message is sent.
 */
export const postGroupMessage = defineAction({
  name: 'postGroupMessage',
  schema: () => z
    .strictObject({ caseId: idString(), text: text(1000).optional(), imageFileId: fileId().optional() })
    .refine((m) => m.text !== undefined || m.imageFileId !== undefined, { message: '请输入消息内容或选择图片' }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { caseId, text, imageFileId }) {
    const c = await loadCase(ctx, caseId);
    const { relation } = authorizeCaseAction(ctx.caller, c, 'postGroupMessage', c._version);
    if (imageFileId) await verifyOwnUploads(ctx, [imageFileId], ctx.caller.openid);
    const at = ctx.now.toISOString();
    const message: GroupMessage = {
      caseId: c._id, at, senderId: ctx.caller.openid, senderRole: groupRoleOf(relation)!,
      ...(text ? { text } : {}), ...(imageFileId ? { imageFileId } : {}),
    };
    const id = `${c._id}-${Date.parse(at)}-${ctx.ids.randomHex(4)}`;
    await ctx.store.insert('groupMessages', id, message);
    return messageView(ctx, c, { ...message, _id: id });
  },
});
