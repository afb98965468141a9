import * as z from 'zod';
import { lazySchema, phone, text } from '../../api/validation';
import { isValidCreditCode } from '../../domain/credit-code';

export const creditCodeField = lazySchema(() => z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: '统一社会信用代码不正确，请核对18位代码' }));

export const applicationSchema = lazySchema(() => z.strictObject({
  matterCode: z.string().regex(/^[A-Z0-9-]{3,32}$/, { message: '请选择事项' }),
  mode: z.enum(['remote', 'onsite'], { message: '请选择踏勘方式' }),
  company: z.strictObject({
    name: text(100, 2),
    creditCode: creditCodeField(),
  }),
  applicantName: text(30, 2),
  applicantPhone: phone(),
  premises: z.strictObject({
    address: text(200, 5),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }),
}));

export const materialFileIds = lazySchema(() => z
  .array(z.string().min(8).max(512))
  .max(30, { message: '一次最多提交30份材料' }));
