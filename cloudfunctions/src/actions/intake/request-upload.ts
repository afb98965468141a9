import * as z from 'zod';
import { defineAction } from '../../api/action';
import { text } from '../../api/validation';
import { type UploadRecord, uploadId } from '../../application/intake';
import { formatChina } from '../../domain/china-time';

const MAX_BYTES = 1024 * 1024 * 1024;

/** Hands out a cloud path under the caller's own folder; only files uploaded there can be attached later. */
export const requestUpload = defineAction({
  name: 'requestUpload',
  schema: () => z.strictObject({
    fileName: text(120),
    size: z.number().int().min(1).max(MAX_BYTES, { message: '文件不能超过1GB' }),
    purpose: z.enum(['material', 'evidence', 'proof', 'signature', 'groupQr', 'formTemplate']),
  }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { fileName, size, purpose }) {
    const safeName = fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-80);
    const cloudPath = `uploads/${ctx.caller.openid}/${purpose}/${formatChina(ctx.now, 'YYYYMMDD')}/${ctx.ids.randomHex(8)}-${safeName}`;
    const record: UploadRecord = { ownerId: ctx.caller.openid, cloudPath, purpose, fileName, size, createdAt: ctx.now.toISOString() };
    await ctx.store.insert('uploads', uploadId(cloudPath), record);
    return { cloudPath };
  },
});
