import * as z from 'zod';
import { defineAction } from '../../api/action';
import { AppError } from '../../api/errors';
import { idString, version } from '../../api/validation';
import { loadChecklist } from '../../application/catalogue';
import { callerName, changeCase, issueSessionCode, premisesCheckOf, toInspectionView } from '../../application/inspection';
import { type InspectionRound, currentRound, itemsForNewRound } from '../../domain/inspection';
import { deviceLocation } from './fields';

/**
 * The handler starts the booked inspection: a new round (every checklist item the first time, the failed ones at a
 * re-inspection) and a one-time session code to read out (R8). A location sent along is checked against the
 * declared premises; the on-site phone sends its own with confirmSessionCode. An on-site inspection has no session
 * code, and must send the officer's location.
 */
export const startInspection = defineAction({
  name: 'startInspection',
  schema: () => z.strictObject({ caseId: idString(), version: version(), location: deviceLocation().optional() }),
  callers: ['staff'],
  mutates: true,
  async handle(ctx, { location, ...ref }) {
    const saved = await changeCase(ctx, ref, 'startInspection', async (c, state, relation) => {
      // On site, the premises check is the officer's own position at the premises.
      if (c.mode === 'onsite' && !location) throw new AppError('VALIDATION', '现场踏勘须在经营场所开始，请允许获取位置后重试');
      const checklist = await loadChecklist(ctx.store, c.matterCode, c.checklistVersion ?? 0);
      const previous = currentRound(c.inspections);
      // Video was judged not enough (转现场踏勘): the first visit on site inspects every item; the video round stays on record.
      const firstVisitAfterSwitch = !!c.switchedToOnsiteAt && (!previous || previous.startedAt < c.switchedToOnsiteAt);
      const round: InspectionRound = {
        round: (previous?.round ?? 0) + 1,
        startedAt: ctx.now.toISOString(),
        itemCodes: firstVisitAfterSwitch ? checklist.items.map((i) => i.code) : itemsForNewRound(checklist.items, previous, c.rectification),
        findings: [],
        sessionCodes: c.mode === 'remote' ? [issueSessionCode(ctx, 'start')] : [],
        resumptions: [],
        premisesChecks: location ? [premisesCheckOf(ctx, c, location, callerName(ctx, c, relation))] : [],
      };
      const inspections = [...(c.inspections ?? []), round];
      return [
        { ...c, state, inspections, rounds: inspections.length },
        { note: previous ? `第 ${round.round} 轮（复查 ${round.itemCodes.length} 项）` : `第 1 轮（${round.itemCodes.length} 项）` },
      ];
    });
    return toInspectionView(ctx, saved);
  },
});
