import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { lazySchema, text } from '../../api/validation';
import { insertCase } from '../../application/cases';
import { loadMatter } from '../../application/catalogue';
import { issueClaimCode } from '../../application/claims';
import { freezeUploads } from '../../application/frozen-files';
import { newCaseRecord, verifyOwnUploads } from '../../application/intake';
import { renderReceipt } from '../../application/registration-receipt';
import { toCaseView } from '../../application/views';
import { applicationSchema, materialFileIds } from './application-schema';

const emailAddress = lazySchema(() => z.string().trim().toLowerCase().max(120).email({ message: '请填写正确的电子邮箱地址' }));

/**
 * An officer registers an application brought to the counter 窗口 or received by e-mail 电子邮箱 (R9), with the
 * materials they scanned and uploaded, under the app's catalogue and validation rules. Nobody names the applicant's
 * WeChat account: the receipt carries a one-time claim code the applicant uses in WeChat (claimCase). The officer
 * who registers is recorded and can be neither the applicant nor, unless the head decides so, the handler.
 */
export const registerCase = defineAction({
  name: 'registerCase',
  schema: () => applicationSchema().extend({
    channel: z.enum(['counter', 'email'], { message: '请选择来源渠道' }),
    receivedAt: z.iso.datetime({ offset: true, message: '请填写收件时间' }),
    email: z.strictObject({ from: emailAddress(), subject: text(200) }).optional(),
    applicantEmail: emailAddress().optional(),
    materialFileIds: materialFileIds().min(1, { message: '请至少上传一份申请材料' }),
  }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { channel, receivedAt, email, applicantEmail, materialFileIds: fileIds, ...input }) {
    if (channel === 'email' && !email) throw new AppError('VALIDATION', '邮件收件请填写发件人地址和邮件主题');
    if (channel === 'counter' && email) throw new AppError('VALIDATION', '窗口收件不填写邮件信息');
    if (Date.parse(receivedAt) > ctx.now.getTime() + 5 * 60_000) throw new AppError('VALIDATION', '收件时间不能晚于现在');
    if ((await loadMatter(ctx, input.matterCode)).sectionCode !== ctx.caller.sectionCode) throw new AppError('FORBIDDEN', '只能登记本科室的事项');
    const uploads = await verifyOwnUploads(ctx, fileIds, ctx.caller.openid);
    const caseId = ctx.ids.next();
    const record = await newCaseRecord(ctx, caseId, input, channel, null, () => freezeUploads(ctx, caseId, 'materials', uploads));
    const { ticket, hash } = await issueClaimCode(ctx, caseId);
    const received = new Date(receivedAt).toISOString();
    const registration = {
      receivedAt: received, registeredByName: ctx.caller.name,
      ...(email ? { email } : {}), ...(applicantEmail ? { applicantEmail } : {}),
      claimCodeHash: hash, claimExpiresAt: ticket.expiresAt,
      receiptFileId: await renderReceipt(ctx, { ...record, _id: caseId }, received, ticket),
    };
    const saved = await insertCase(ctx, caseId, { ...record, registeredBy: ctx.caller.openid, registration }, {
      action: 'registerCase',
      note: channel === 'email' ? `邮件收件：${email!.from}「${email!.subject}」` : '窗口收件',
    });
    return { case: await toCaseView(ctx, saved), claim: ticket, receivedAt: registration.receivedAt };
  },
});
