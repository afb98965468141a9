import type { GrantedRole } from '../../../typings/models';
import type { UserRecord } from '../api/context';
import type { Store, Stored } from '../ports/store';
import { findAll } from './find-all';

/**
 * The people holding a role (supervisors to notify, a sector's regulators). An office has tens of people, and
 * roles are a list the store cannot match an element of portably, so the users are read and filtered here.
 */
export async function roleHolders(store: Store, role: GrantedRole, sectorCode?: string): Promise<Stored<UserRecord>[]> {
  const users = await findAll<UserRecord>(store, 'users', { orderBy: [['_id', 'asc']] });
  return users.filter((u) => u.roles.includes(role) && (sectorCode === undefined || u.sectorCode === sectorCode));
}
