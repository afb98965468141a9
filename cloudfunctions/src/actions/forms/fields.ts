import * as z from 'zod';
import { lazySchema } from '../../api/validation';

// Payload fields shared by the forms, group and scheduling actions.

export const formKind = lazySchema(() => z.enum(['consent', 'commitment']));

/** A file id handed back by wx.cloud.uploadFile (or the local runtime's upload). */
export const fileId = lazySchema(() => z.string().min(8).max(512));

/** The start of a slot: an ISO instant with its zone, on a whole minute. */
export const slotStart = lazySchema(() => z.iso
  .datetime({ offset: true, message: '时间格式不正确' })
  .refine((s) => Date.parse(s) % 60_000 === 0, { message: '时间须精确到分钟' }));
