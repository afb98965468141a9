import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { text } from '../../api/validation';
import { writeAudit } from '../../application/audit';
import { loadMatter, toMatterView } from '../../application/catalogue';
import { type Checklist, checklistId, type Matter } from '../../domain/matter';
import { matterCode } from './get-matter';

/**
 * Publishes a new version of a matter's inspection standard 踏勘标准. Published versions are never edited;
 * cases keep the version they were accepted under.
 */
export const publishChecklist = defineAction({
  name: 'publishChecklist',
  schema: () => z.strictObject({
    code: matterCode(),
    items: z
      .array(z.strictObject({ code: z.string().regex(/^[A-Z]{1,3}\d{2,3}$/), title: text(60, 2), lookAt: text(300, 2), conforming: text(300, 2) }))
      .min(1, { message: '至少需要一项' })
      .max(50)
      .refine((items) => new Set(items.map((i) => i.code)).size === items.length, { message: '检查项编码不能重复' }),
    note: text(200, 2),
  }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { code, items, note }) {
    const matter = await loadMatter(ctx, code);
    const version = matter.checklistVersion + 1;
    const checklist: Checklist = { matterCode: code, version, items, publishedAt: ctx.now.toISOString(), publishedBy: ctx.caller.openid, note };
    if (!(await ctx.store.insert('checklists', checklistId(code, version), checklist))) throw new AppError('CONFLICT', '该事项刚发布了新版本，请刷新后重试');
    const { _id, _version, ...rest } = matter;
    const after: Matter = { ...rest, checklistVersion: version };
    const saved = await ctx.store.replace('matters', _id, _version, after);
    if (saved === null) {
      await ctx.store.remove('checklists', checklistId(code, version));
      throw new AppError('CONFLICT', '该事项刚被他人修改，请刷新后重试');
    }
    await writeAudit(ctx, `matters/${_id}:${saved}`, { action: 'publishChecklist', subject: `matters/${_id}`, note: `踏勘标准第${version}版：${note}` });
    return toMatterView(ctx, after);
  },
});
