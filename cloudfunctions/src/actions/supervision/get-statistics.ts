import { defineAction } from '../../api/action';
import { statisticsReport } from '../../application/statistics';
import { monthRange } from './schemas';

/** Per month and per matter: intake, duration, outcomes, spot checks, satisfaction and the trial's progress (R1, R19, R20). */
export const getStatistics = defineAction({
  name: 'getStatistics',
  schema: () => monthRange(),
  callers: ['supervisor'],
  mutates: false,
  handle: (ctx, { from, to }) => statisticsReport(ctx, from, to),
});
