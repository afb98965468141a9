import type { AnyAction } from '../../api/action';
import { assignObserver } from './assign-observer';
import { decideCreditPenalty } from './decide-credit-penalty';
import { exportStatistics } from './export-statistics';
import { getDraw } from './get-draw';
import { getStatistics } from './get-statistics';
import { liftBlacklisting } from './lift-blacklisting';
import { listBlacklist } from './list-blacklist';
import { listDraws } from './list-draws';
import { listFindings } from './list-findings';
import { listFollowUps } from './list-follow-ups';
import { listMyCreditRecords } from './list-my-credit-records';
import { listSupervisors } from './list-supervisors';
import { listUpcomingInspections } from './list-upcoming-inspections';
import { previewDraw } from './preview-draw';
import { recordFollowUpOutcome } from './record-follow-up-outcome';
import { reportFinding } from './report-finding';
import { runDraw } from './run-draw';
import { settleRecountedCorrection } from './settle-recounted-correction';
import { verifyDraw } from './verify-draw';

/** The supervision actions. */
export const SUPERVISION_ACTIONS: readonly AnyAction[] = [
  previewDraw, runDraw, getDraw, verifyDraw, listDraws,
  listFollowUps, recordFollowUpOutcome,
  reportFinding, listFindings, decideCreditPenalty, listBlacklist, liftBlacklisting, listMyCreditRecords,
  settleRecountedCorrection,
  listUpcomingInspections, listSupervisors, assignObserver,
  getStatistics, exportStatistics,
];
