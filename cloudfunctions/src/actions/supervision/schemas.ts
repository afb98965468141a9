import * as z from 'zod';

/** A China month 'YYYY-MM'. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' });
export const monthRef = z.strictObject({ month });
export const monthRange = z.strictObject({ from: month, to: month });

export const findingKind = z.enum(['falseAddress', 'falseMaterials', 'evasion'], { message: '问题类型应为虚报地址、提交虚假资料或故意逃避或隐瞒实际情况' });
export const findingSeverity = z.enum(['minor', 'serious', 'grave'], { message: '严重程度应为轻微、严重或特别严重' });
/** Evidence files the caller uploaded (requestUpload, purpose 'evidence'). */
export const evidenceFileIds = z.array(z.string().min(1).max(512)).max(20, { message: '证据材料最多 20 份' });
