import * as z from 'zod';
import { lazySchema } from '../../api/validation';

// Fields the inspection actions share.

/** A phone's position as wx.getLocation reports it (GCJ-02; accuracy in metres when the phone gives one). */
export const deviceLocation = lazySchema(() => z.strictObject({
  latitude: z.number().min(-90, { message: '纬度无效' }).max(90, { message: '纬度无效' }),
  longitude: z.number().min(-180, { message: '经度无效' }).max(180, { message: '经度无效' }),
  accuracy: z.number().min(0, { message: '定位精度无效' }).max(100_000, { message: '定位精度无效' }).optional(),
}));

/** A stored file's id as the upload returned it (cloud:// in CloudBase, local:// locally). */
export const fileId = lazySchema(() => z.string().min(8, { message: '文件标识无效' }).max(512, { message: '文件标识无效' }));

/** A place in the case's evidence chain. */
export const evidenceSeq = lazySchema(() => z.number().int().min(1, { message: '证据序号无效' }).max(1_000_000, { message: '证据序号无效' }));
