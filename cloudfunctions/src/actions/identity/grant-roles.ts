import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, text } from '../../api/validation';
import { saveUser } from './save-user';
import { toUserView } from './user-view';

const code = z.string().regex(/^[A-Z0-9-]{2,32}$/, { message: '编码格式不正确' });

/** The admin sets a person's roles (replacing the old set); staff and section heads need a section, regulators a sector. */
export const grantRoles = defineAction({
  name: 'grantRoles',
  schema: z.strictObject({
    openid: idString,
    name: text(30),
    roles: z.array(z.enum(['staff', 'sectionHead', 'supervisor', 'regulator', 'admin'])).max(5),
    sectionCode: code.optional(),
    sectorCode: code.optional(),
  }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { openid, name, roles, sectionCode, sectorCode }) {
    const unique = [...new Set(roles)];
    if ((unique.includes('staff') || unique.includes('sectionHead')) && !sectionCode) throw new AppError('VALIDATION', '审批工作人员和科长须指定所属科室');
    if (unique.includes('regulator') && !sectorCode) throw new AppError('VALIDATION', '行业监管部门人员须指定所属行业');
    if (openid === ctx.caller.openid && !unique.includes('admin')) throw new AppError('VALIDATION', '不能取消自己的管理员角色');
    const saved = await saveUser(
      ctx, openid,
      (before) => ({
        createdAt: ctx.now.toISOString(), ...before, name, roles: unique,
        ...(sectionCode ? { sectionCode } : { sectionCode: undefined }), ...(sectorCode ? { sectorCode } : { sectorCode: undefined }),
      }),
      'grantRoles', `角色：${unique.join(',') || '无'}`,
    );
    return toUserView(saved);
  },
});
