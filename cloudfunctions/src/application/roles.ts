// Granting roles: the rules every grant follows (a section for staff, a sector for regulators, never the office
// without an admin), and the history of changes each grant leaves in `roleChanges`.

import type { RoleChangeView } from '../../../typings/api/admin';
import type { GrantedRole } from '../../../typings/models';
import type { ActionContext, UserRecord } from '../api/context';
import { AppError } from '../api/errors';
import type { Stored } from '../ports/store';
import { saveUser } from '../actions/identity/save-user';
import { findAll } from './find-all';

export interface RoleGrant {
  name: string;
  roles: GrantedRole[];
  sectionCode?: string;
  sectorCode?: string;
  reason: string;
}

/** A change as stored: what the history page shows, plus whose roles changed and who changed them. */
export interface RoleChangeRecord extends RoleChangeView {
  openid: string;
  by: string;
}

export function grantProblem(g: Pick<RoleGrant, 'roles' | 'sectionCode' | 'sectorCode'>): string | null {
  if ((g.roles.includes('staff') || g.roles.includes('sectionHead')) && !g.sectionCode) return '审批工作人员和科长须指定所属科室';
  if (g.roles.includes('regulator') && !g.sectorCode) return '行业监管部门人员须指定所属行业';
  return null;
}

/** Whether anyone but `openid` is an admin: a stored admin, or one of the deployment's first admins. */
async function anotherAdmin(ctx: ActionContext, openid: string): Promise<boolean> {
  if (ctx.config.firstAdminOpenids.some((id) => id !== openid)) return true;
  const users = await findAll<UserRecord>(ctx.store, 'users', { orderBy: [['name', 'asc'], ['_id', 'asc']] });
  return users.some((u) => u._id !== openid && u.roles.includes('admin'));
}

/** Sets a person's roles (replacing the old set) and records the change with its reason. */
export async function applyGrant(ctx: ActionContext, openid: string, g: RoleGrant, action: string): Promise<Stored<UserRecord>> {
  const roles = [...new Set(g.roles)];
  const problem = grantProblem({ ...g, roles });
  if (problem) throw new AppError('VALIDATION', problem);
  const before = await ctx.store.get<UserRecord>('users', openid);
  const wasAdmin = !!before?.roles.includes('admin') || ctx.config.firstAdminOpenids.includes(openid);
  if (wasAdmin && !roles.includes('admin') && !(await anotherAdmin(ctx, openid))) {
    throw new AppError('VALIDATION', '这是唯一的系统管理员，须先授予另一人管理员角色，才能取消');
  }
  const saved = await saveUser(
    ctx, openid,
    (old) => ({
      createdAt: ctx.now.toISOString(), ...old, name: g.name, roles,
      ...(g.sectionCode ? { sectionCode: g.sectionCode } : { sectionCode: undefined }), ...(g.sectorCode ? { sectorCode: g.sectorCode } : { sectorCode: undefined }),
    }),
    action, `角色：${roles.join(',') || '无'}；理由：${g.reason}`,
  );
  const change: RoleChangeRecord = {
    openid, at: ctx.now.toISOString(), by: ctx.caller.openid, byName: ctx.caller.name || '本人', before: before?.roles ?? [], after: roles,
    ...(g.sectionCode ? { sectionCode: g.sectionCode } : {}), ...(g.sectorCode ? { sectorCode: g.sectorCode } : {}), reason: g.reason,
  };
  // Keyed by the user's new version, like the audit entry: a retry cannot add a twin.
  await ctx.store.insert('roleChanges', `${openid}:${saved._version}`, change);
  return saved;
}
