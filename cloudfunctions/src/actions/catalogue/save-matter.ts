import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { lazySchema, text } from '../../api/validation';
import { writeAudit } from '../../application/audit';
import { toMatterView } from '../../application/catalogue';
import type { Matter } from '../../domain/matter';
import { matterCode } from './get-matter';

const code = lazySchema(() => z.string().regex(/^[A-Z0-9-]{2,32}$/, { message: '编码格式不正确' }));

/** The admin edits a matter's facts; its checklist changes only by publishing a new version. */
export const saveMatter = defineAction({
  name: 'saveMatter',
  schema: () => z.strictObject({
    code: matterCode(),
    name: text(60, 2),
    sectionCode: code(),
    sectionName: text(30, 2),
    sectorCode: code(),
    regulatorName: text(40, 2),
    legalBasis: z.array(text(200, 2)).min(1).max(10),
    remoteAllowed: z.boolean(),
    preparation: z.array(text(200, 2)).min(1).max(30),
  }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, input) {
    const before = await ctx.store.get<Matter>('matters', input.code);
    if (!before) throw new AppError('NOT_FOUND', '请先发布该事项的踏勘标准（检查项），再编辑事项信息');
    const { _id, _version, ...rest } = before;
    const after: Matter = { ...rest, ...input };
    const version = await ctx.store.replace('matters', _id, _version, after);
    if (version === null) throw new AppError('CONFLICT', '该事项刚被他人修改，请刷新后重试');
    await writeAudit(ctx, `matters/${_id}:${version}`, { action: 'saveMatter', subject: `matters/${_id}` });
    return toMatterView(ctx, after);
  },
});
