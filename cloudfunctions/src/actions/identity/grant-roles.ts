import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, lazySchema, reasonText, text } from '../../api/validation';
import { applyGrant } from '../../application/roles';
import { toUserView } from './user-view';

export const orgCode = lazySchema(() => z.string().regex(/^[A-Z0-9-]{2,32}$/, { message: '编码格式不正确' }));
export const grantedRoles = lazySchema(() => z.array(z.enum(['staff', 'sectionHead', 'supervisor', 'regulator', 'admin'])).max(5));

/**
 * The admin sets a person's roles (replacing the old set), with the reason kept in the history; staff and section
 * heads need a section, regulators a sector; the office is never left without an admin.
 */
export const grantRoles = defineAction({
  name: 'grantRoles',
  schema: () => z.strictObject({
    openid: idString(),
    name: text(30),
    roles: grantedRoles(),
    sectionCode: orgCode().optional(),
    sectorCode: orgCode().optional(),
    reason: reasonText(),
  }),
  callers: ['admin'],
  mutates: true,
  async handle(ctx, { openid, ...grant }) {
    return toUserView(await applyGrant(ctx, openid, grant, 'grantRoles'));
  },
});
