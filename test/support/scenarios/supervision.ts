import type { SupervisionActions } from '../../../typings/api';
import { CLOSED_MONTH, decidedCase, drawnFollowUp, pendingFinding, recountedFinding } from '../supervision-fixtures';
import { ALL, type ActionScenario, cases, ref, SUPERVISORS } from './core';

const SUPERVISOR = SUPERVISORS;
const RANGE = { from: CLOSED_MONTH, to: '2026-06' };

/** Authorization-matrix rows of the supervision actions: how to call each, and who may. */
export const SUPERVISION_SCENARIOS: { [A in keyof SupervisionActions]: ActionScenario<A> } = {
  previewDraw: { payload: async () => ({ month: CLOSED_MONTH }), allowed: SUPERVISOR },
  runDraw: { payload: async () => ({ month: CLOSED_MONTH }), allowed: SUPERVISOR, writes: ['audit', 'draws', 'outbox'] },
  getDraw: {
    payload: async (h) => (await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH }), { month: CLOSED_MONTH }),
    allowed: SUPERVISOR,
  },
  verifyDraw: {
    payload: async (h) => (await h.ok('supervisor', 'runDraw', { month: CLOSED_MONTH }), { month: CLOSED_MONTH }),
    allowed: SUPERVISOR,
  },
  listDraws: { payload: async () => ({ offset: 0, limit: 10 }), allowed: SUPERVISOR },
  listFollowUps: { payload: async () => ({ status: 'open', month: CLOSED_MONTH, offset: 0, limit: 10 }), allowed: SUPERVISOR },
  recordFollowUpOutcome: {
    payload: async (h) => {
      const { followUpId } = await drawnFollowUp(h);
      return { followUpId, version: 1, result: 'consistent', note: '经营场所与申报一致', evidenceFileIds: [] };
    },
    allowed: SUPERVISOR,
    writes: ['audit', 'followUps'],
  },
  reportFinding: {
    payload: async (h) => ({
      caseId: (await decidedCase(h))._id, kind: 'falseMaterials', severity: 'serious', description: '提交的租赁合同系伪造', evidenceFileIds: [],
    }),
    allowed: ['regulator'],
    writes: ['audit', 'findings', 'outbox'],
  },
  listFindings: { payload: async () => ({ status: 'pending', offset: 0, limit: 10 }), allowed: SUPERVISOR },
  decideCreditPenalty: {
    payload: async (h) => {
      const f = await pendingFinding(h);
      return { findingId: f.id, version: f.version, reason: '虚报经营场所地址', correctionWorkingDays: 10, revokeLicence: true, blacklistMonths: 12 };
    },
    allowed: SUPERVISOR,
    writes: ['audit', 'blacklist', 'cases', 'creditRecords', 'findings', 'outbox'],
  },
  settleRecountedCorrection: {
    payload: async (h) => {
      const f = await recountedFinding(h);
      return { findingId: f.id, version: f.version, issued: f.pendingRecount!.issued, adopt: true };
    },
    allowed: SUPERVISOR,
    writes: ['audit', 'creditRecords', 'findings', 'outbox'],
  },
  listBlacklist: { payload: async () => ({ activeOnly: true, offset: 0, limit: 10 }), allowed: SUPERVISOR },
  liftBlacklisting: {
    payload: async (h) => {
      const f = await pendingFinding(h);
      await h.ok('supervisor', 'decideCreditPenalty', { findingId: f.id, version: f.version, reason: '虚报经营场所地址', blacklistMonths: 12 });
      const entry = (await h.ok('supervisor', 'listBlacklist', { activeOnly: true })).items[0]!;
      return { entryId: entry.id, version: entry.version, reason: '已整改并完成信用修复' };
    },
    allowed: SUPERVISOR,
    writes: ['audit', 'blacklist', 'outbox'],
  },
  listMyCreditRecords: { payload: async () => ({}), allowed: ALL },
  listUpcomingInspections: { payload: async () => ({ offset: 0, limit: 10 }), allowed: SUPERVISOR },
  listSupervisors: { payload: async () => ({}), allowed: SUPERVISOR },
  assignObserver: { payload: async (h) => ({ ...ref(await cases.accepted(h)), observerOpenid: 'supervisor' }), allowed: SUPERVISOR, writes: ['audit', 'cases', 'outbox'] },
  getStatistics: { payload: async () => RANGE, allowed: SUPERVISOR },
  exportStatistics: { payload: async () => RANGE, allowed: SUPERVISOR, writes: ['files', 'pdfJobs'] },
};
