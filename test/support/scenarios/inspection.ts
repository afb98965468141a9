import { createHash } from 'node:crypto';
import type { InspectionActions } from '../../../typings/api';
import { greyJpeg } from '../images';
import {
  AT_PREMISES, addScreenshot, decidedCase, recountedCase, firstItem, inspectionOf, proveAll, rectifyingCase, recordFindings, scheduledCase, signature,
  startedCase, upload,
} from '../inspection';
import { type ActionScenario, CASE_READERS, STAFF_OF_SECTION, SUPERVISORS } from './core';


/** Authorization-matrix rows of the inspection actions: how to call each, and who may. */
export const INSPECTION_SCENARIOS: { [A in keyof InspectionActions]: ActionScenario<A> } = {
  getInspection: { payload: async (h) => ({ caseId: (await startedCase(h)).caseId }), allowed: CASE_READERS },
  startInspection: {
    payload: async (h) => {
      const caseId = await scheduledCase(h);
      return { caseId, version: (await inspectionOf(h, caseId)).version, location: AT_PREMISES };
    },
    allowed: ['staff'],
    writes: ['audit', 'cases'],
  },
  resumeInspection: {
    payload: async (h) => {
      const { caseId, version } = await startedCase(h);
      return { caseId, version, note: '网络中断' };
    },
    allowed: ['staff'],
    writes: ['audit', 'cases'],
  },
  confirmSessionCode: {
    payload: async (h) => {
      const { caseId, sessionCode } = await startedCase(h);
      return { caseId, code: sessionCode!.code, location: AT_PREMISES };
    },
    allowed: ['applicant', 'contact'],
    writes: ['audit', 'cases'],
  },
  saveChecklistItem: {
    payload: async (h) => {
      const { caseId } = await startedCase(h);
      return { caseId, itemCode: await firstItem(h, caseId), result: 'conforming', revision: 0 };
    },
    allowed: ['staff'],
    writes: ['audit', 'cases'],
  },
  // Only the case's observer remarks; other supervisors are not.
  addObserverRemark: {
    payload: async (h) => ({ caseId: (await startedCase(h)).caseId, text: '踏勘过程规范' }),
    allowed: ['observer'],
    writes: ['audit', 'cases'],
  },
  addEvidence: {
    // Live photos are the applicant's and contacts', screenshots the handler's: each caller tries their own kind.
    payload: async (h, who) => {
      const { caseId } = await startedCase(h);
      const picture = greyJpeg(16, 16, 100);
      const fileId = await upload(h, who, 'evidence', 'picture.jpg', picture);
      return ['applicant', 'otherApplicant', 'contact'].includes(who)
        ? { caseId, fileId, kind: 'live-photo', capturedAt: h.clock.now().toISOString(), location: AT_PREMISES, clientSha256: createHash('sha256').update(picture).digest('hex') }
        : { caseId, fileId, kind: 'screenshot' };
    },
    allowed: ['staff', 'applicant', 'contact'],
    writes: ['audit', 'cases', 'evidence', 'hashJobs'],
  },
  attachMeetingRecording: {
    payload: async (h) => ({ caseId: (await startedCase(h)).caseId, recordFileId: 'rec-1234567890', meetingCode: '123456789' }),
    allowed: ['staff'],
    writes: ['audit', 'cases', 'evidence', 'files'],
  },
  supersedeEvidence: {
    payload: async (h) => {
      const { caseId } = await startedCase(h);
      const { seq } = await addScreenshot(h, caseId);
      return { caseId, seq, reason: '画面模糊，已重新截图' };
    },
    allowed: ['staff'],
    writes: ['audit', 'cases', 'evidence'],
  },
  verifyEvidence: {
    payload: async (h) => {
      const { caseId } = await startedCase(h);
      await addScreenshot(h, caseId);
      return { caseId };
    },
    allowed: ['staff', ...SUPERVISORS, 'admin'],
    writes: ['evidenceChecks'],
  },
  decideInspection: {
    payload: async (h, who) => {
      const { caseId } = await startedCase(h);
      const { version } = await recordFindings(h, caseId);
      return { caseId, version, outcome: 'pass', opinion: '符合踏勘标准，同意通过。', signatureFileId: await signature(h, who) };
    },
    allowed: ['staff'],
    writes: ['audit', 'cases', 'files', 'outbox', 'pdfJobs', 'regulatorInbox'],
  },
  submitRectificationProof: {
    payload: async (h, who) => {
      const { caseId, rectification } = await rectifyingCase(h);
      return { caseId, itemId: rectification!.items[0]!.id, fileIds: [await upload(h, who, 'proof', 'proof.jpg', greyJpeg(16, 16, 80))] };
    },
    allowed: ['applicant'],
    writes: ['audit', 'cases', 'evidence', 'files'],
  },
  requestReinspection: {
    payload: async (h) => {
      const { caseId } = await rectifyingCase(h);
      return { caseId, version: (await proveAll(h, caseId)).version };
    },
    allowed: ['applicant'],
    writes: ['audit', 'cases', 'outbox'],
  },
  archiveCase: {
    // As if the archive had failed right after the decision.
    payload: async (h) => {
      const caseId = await decidedCase(h, 'passed');
      return { caseId, version: (await inspectionOf(h, caseId)).version };
    },
    allowed: ['staff', 'admin'],
    writes: ['audit', 'cases', 'files', 'outbox', 'pdfJobs', 'regulatorInbox'],
  },
  getArchive: {
    payload: async (h) => ({ caseId: await decidedCase(h, 'archived') }),
    allowed: ['applicant', ...STAFF_OF_SECTION, ...SUPERVISORS, 'regulator', 'admin'],
    writes: ['fileAccess'],
  },
  listRegulatorInbox: { payload: async () => ({}), allowed: ['regulator', 'foreignRegulator'] },
  rateService: { payload: async (h) => ({ caseId: await decidedCase(h, 'archived'), score: 5, suggestions: '流程便捷' }), allowed: ['applicant'], writes: ['audit', 'cases'] },
  // Adopting the new rectification deadline tells the applicant.
  settleRecountedDeadline: {
    payload: async (h) => {
      const { caseId, version, issued } = await recountedCase(h);
      return { caseId, version, deadline: 'rectification', issued, adopt: true };
    },
    allowed: ['staff'],
    writes: ['audit', 'cases', 'outbox'],
  },
};
