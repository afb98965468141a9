import { defineAction } from '../../api/action';
import { insertCase } from '../../application/cases';
import { freezeUploads } from '../../application/frozen-files';
import { newCaseRecord, verifyOwnUploads } from '../../application/intake';
import { toCaseView } from '../../application/views';
import { applicationSchema, materialFileIds } from './application-schema';

/** An applicant applies in the Mini Program: the case is created already submitted (R9). */
export const applyForInspection = defineAction({
  name: 'applyForInspection',
  schema: () => applicationSchema().extend({ materialFileIds: materialFileIds().min(1, { message: '请至少上传一份申请材料' }) }),
  callers: 'anyone',
  mutates: true,
  async handle(ctx, { materialFileIds: fileIds, ...input }) {
    const uploads = await verifyOwnUploads(ctx, fileIds, ctx.caller.openid);
    const id = ctx.ids.next();
    const record = await newCaseRecord(ctx, id, input, 'miniprogram', ctx.caller.openid, () => freezeUploads(ctx, id, 'materials', uploads));
    const saved = await insertCase(ctx, id, record, { action: 'applyForInspection' });
    return toCaseView(ctx, saved);
  },
});

