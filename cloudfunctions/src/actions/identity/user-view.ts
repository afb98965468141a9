import type { UserView } from '../../../../typings/models';
import type { UserRecord } from '../../api/context';
import { maskPhone } from '../../domain/masking';
import type { Stored } from '../../ports/store';

export const toUserView = (u: Stored<UserRecord>): UserView => ({
  openid: u._id,
  name: u.name,
  ...(u.phone ? { phoneMasked: maskPhone(u.phone) } : {}),
  roles: u.roles,
  ...(u.sectionCode ? { sectionCode: u.sectionCode } : {}),
  ...(u.sectorCode ? { sectorCode: u.sectorCode } : {}),
});
