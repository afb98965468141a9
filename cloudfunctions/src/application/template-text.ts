// A form template's text as the admin sends it: in the call, or — when long — as an uploaded UTF-8 file, since
// WeChat keeps a callFunction payload under 100 KB. Either way it becomes the same paragraphs, checked the same way.

import * as z from 'zod';
import type { ActionContext } from '../api/context';
import { AppError } from '../api/errors';
import { lazySchema, text } from '../api/validation';
import { FORM_PLACEHOLDERS, placeholdersOf } from '../catalogue/form-templates';
import { verifyOwnUploads } from './intake';

/** Larger than any real form, small enough to read into memory. */
export const MAX_TEMPLATE_FILE_BYTES = 512 * 1024;
const KNOWN = new Set<string>(FORM_PLACEHOLDERS);

export const paragraphsSchema = lazySchema(() => z.array(text(2000, 2)).min(1, { message: '至少需要一段' }).max(30));

export const templateTextFields = lazySchema(() => ({
  title: text(80, 4),
  paragraphs: paragraphsSchema().optional(),
  textFileId: z.string().min(8).max(512).optional(),
}));

/** The paragraphs of the draft: the ones sent, or those of the uploaded file, one per non-empty line. */
export async function templateParagraphs(ctx: ActionContext, input: { title: string; paragraphs?: string[]; textFileId?: string }): Promise<string[]> {
  if (!!input.paragraphs === !!input.textFileId) throw new AppError('VALIDATION', '请提供表单正文（直接填写，或上传文本文件），二者选一');
  let paragraphs = input.paragraphs;
  if (input.textFileId) {
    const [upload] = await verifyOwnUploads(ctx, [input.textFileId], ctx.caller.openid);
    if (!upload || upload.size > MAX_TEMPLATE_FILE_BYTES) throw new AppError('VALIDATION', '表单正文文件不能超过512KB');
    const chunks: Buffer[] = [];
    for await (const chunk of await ctx.files.read(input.textFileId)) chunks.push(Buffer.from(chunk as Buffer));
    const body = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
    if (body.includes('\uFFFD')) throw new AppError('VALIDATION', '表单正文文件须为UTF-8编码的文本');
    const parsed = paragraphsSchema().safeParse(body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
    if (!parsed.success) throw new AppError('VALIDATION', `表单正文：${parsed.error.issues[0]?.message ?? '格式不正确'}`);
    paragraphs = parsed.data;
  }
  const unknown = placeholdersOf({ kind: 'consent', version: 0, title: input.title, paragraphs: paragraphs! }).filter((name) => !KNOWN.has(name));
  if (unknown.length) throw new AppError('VALIDATION', `只能使用这些填写项：${FORM_PLACEHOLDERS.map((p) => `{{${p}}}`).join('、')}`);
  return paragraphs!;
}
