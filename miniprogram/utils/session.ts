import type { Role, WhoAmI } from '../../typings/models';
import { whoami } from '../services/user/whoami';

/** Who the caller is, asked once per launch and kept in the app's globalData. */
export async function currentUser(force = false): Promise<WhoAmI> {
  const app = getApp<IAppOption>();
  if (!force && app.globalData.me) return app.globalData.me;
  const me = await whoami({});
  app.globalData.me = me;
  return me;
}

export function forgetCurrentUser(): void {
  getApp<IAppOption>().globalData.me = undefined;
}

export const hasRole = (me: WhoAmI, ...roles: Role[]): boolean => roles.some((r) => me.roles.includes(r));

/** Officers who use the 工作台. */
export const isStaff = (me: WhoAmI): boolean => hasRole(me, 'staff', 'sectionHead', 'admin');
