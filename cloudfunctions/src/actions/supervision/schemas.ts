import * as z from 'zod';
import { lazySchema } from '../../api/validation';

/** A China month 'YYYY-MM'. */
export const month = lazySchema(() => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' }));
export const monthRef = lazySchema(() => z.strictObject({ month: month() }));
export const monthRange = lazySchema(() => z.strictObject({ from: month(), to: month() }));

export const findingKind = lazySchema(() => z.enum(['falseAddress', 'falseMaterials', 'evasion'], { message: '问题类型应为虚报地址、提交虚假资料或故意逃避或隐瞒实际情况' }));
export const findingSeverity = lazySchema(() => z.enum(['minor', 'serious', 'grave'], { message: '严重程度应为轻微、严重或特别严重' }));
/** Evidence files the caller uploaded (requestUpload, purpose 'evidence'). */
export const evidenceFileIds = lazySchema(() => z.array(z.string().min(1).max(512)).max(20, { message: '证据材料最多 20 份' }));
