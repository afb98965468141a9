import * as z from 'zod';
import type { SectionWorkbench } from '../../../../typings/api';
import { defineAction } from '../../api/action';
import { officersOf, openCasesOf, overdueReason, sectionOf } from '../../application/section-cases';
import { OPEN_STATES, STATE_LABELS } from '../../domain/case-state';
import { orgCode } from '../identity/grant-roles';

/** The section head's workbench: the section's open cases by state, each officer's load and overdue items. */
export const getSectionWorkbench = defineAction({
  name: 'getSectionWorkbench',
  schema: () => z.strictObject({ sectionCode: orgCode().optional() }),
  callers: ['sectionHead', 'admin'],
  mutates: false,
  async handle(ctx, { sectionCode: asked }): Promise<SectionWorkbench> {
    const sectionCode = sectionOf(ctx, asked);
    const [cases, officers] = await Promise.all([openCasesOf(ctx, sectionCode), officersOf(ctx, sectionCode)]);
    const overdue = new Set(cases.filter((c) => overdueReason(c, ctx.now)).map((c) => c._id));
    return {
      sectionCode,
      states: OPEN_STATES.map((state) => ({ state, label: STATE_LABELS[state], count: cases.filter((c) => c.state === state).length })),
      officers: officers.map((o) => {
        const theirs = cases.filter((c) => c.handlerId === o._id);
        return { openid: o._id, name: o.name, open: theirs.length, overdue: theirs.filter((c) => overdue.has(c._id)).length };
      }),
      unassigned: cases.filter((c) => !c.handlerId).length,
      overdue: overdue.size,
    };
  },
});
