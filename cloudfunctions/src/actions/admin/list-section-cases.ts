import * as z from 'zod';
import { defineAction } from '../../api/action';
import { idString, pageQuery } from '../../api/validation';
import { openCasesOf, overdueReason, sectionOf, toSectionCaseRow } from '../../application/section-cases';
import { orgCode } from '../identity/grant-roles';

/** The section's open cases, oldest first, by state, officer or only the overdue: the list reassignment starts from. */
export const listSectionCases = defineAction({
  name: 'listSectionCases',
  schema: () => z.strictObject({
    ...pageQuery(),
    sectionCode: orgCode().optional(),
    state: z.enum(['submitted', 'returned', 'accepted', 'signed', 'ready', 'scheduled', 'inspecting', 'rectifying']).optional(),
    handlerId: idString().optional(),
    overdueOnly: z.boolean().optional(),
  }),
  callers: ['sectionHead', 'admin'],
  mutates: false,
  async handle(ctx, { sectionCode: asked, state, handlerId, overdueOnly, offset = 0, limit = 20 }) {
    const cases = (await openCasesOf(ctx, sectionOf(ctx, asked))).filter((c) =>
      (!state || c.state === state) && (!handlerId || c.handlerId === handlerId) && (!overdueOnly || overdueReason(c, ctx.now)));
    return { items: cases.slice(offset, offset + limit).map((c) => toSectionCaseRow(c, ctx.now)), total: cases.length, offset, limit };
  },
});
