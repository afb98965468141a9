import type { ActionContext, UserRecord } from '../../api/context';
import { AppError } from '../../api/errors';
import { writeAudit } from '../../application/audit';
import type { Stored } from '../../ports/store';

/** Creates or updates a user by compare-and-set, with an audit entry keyed by the user's new version. */
export async function saveUser(ctx: ActionContext, openid: string, change: (before: UserRecord | null) => UserRecord, action: string, note?: string): Promise<Stored<UserRecord>> {
  const before = await ctx.store.get<UserRecord>('users', openid);
  const after = change(before);
  let version: number | null;
  if (before) {
    const { _id: _i, _version: _v, ...body } = { ...after, _id: '', _version: 0 };
    version = await ctx.store.replace('users', openid, before._version, body);
  } else {
    version = (await ctx.store.insert('users', openid, after)) ? 1 : null;
  }
  if (version === null) throw new AppError('CONFLICT', '该用户信息刚被修改，请刷新后重试');
  await writeAudit(ctx, `users/${openid}:${version}`, { action, subject: `users/${openid}`, ...(note ? { note } : {}) });
  return { ...after, _id: openid, _version: version };
}
