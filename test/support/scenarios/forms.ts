import type { FormsActions } from '../../../typings/api';
import { remoteMatter } from '../harness';
import { MONDAY_10, prepared, uploadSignature } from '../readiness';
import { ALL, ANY_STAFF, type ActionScenario, CASE_READERS, ref, STAFF_OF_SECTION, SUPERVISORS } from './core';

/** Who sees a case's group: its members (applicant, contact, handler), the section head, supervisors, admin. */
const GROUP_READERS = ['applicant', 'contact', 'staff', 'head', ...SUPERVISORS, 'admin'];

/** Authorization-matrix rows of the forms actions: how to call each, and who may. */
export const FORMS_SCENARIOS: { [A in keyof FormsActions]: ActionScenario<A> } = {
  getFormTemplates: { payload: async () => ({}), allowed: ['admin'] },
  publishFormTemplate: {
    payload: async () => ({ kind: 'consent', title: '{{officeName}}远程视频踏勘同意书', paragraphs: ['申请人{{applicantName}}同意远程视频踏勘。'] }),
    allowed: ['admin'],
    writes: ['audit', 'formTemplates'],
  },
  getCaseForms: { payload: async (h) => ({ caseId: (await prepared.accepted(h)).id }), allowed: CASE_READERS },
  signForm: {
    payload: async (h, who) => ({
      ...ref(await prepared.accepted(h)), kind: 'consent', templateVersion: 1, signatureFileId: await uploadSignature(h, who),
    }),
    allowed: ['applicant'],
    writes: ['audit', 'cases', 'files', 'formTemplates', 'pdfJobs', 'renderingClaims'],
  },
  countersignConsent: {
    payload: async (h, who) => ({ ...ref(await prepared.consentOnRecord(h)), signatureFileId: await uploadSignature(h, who) }),
    allowed: ['staff'],
    writes: ['audit', 'cases', 'files', 'pdfJobs', 'renderingClaims'],
  },
  // The signed copies are the applicant's and the office's: the on-site contact does not read them.
  getSignedFormCopies: { payload: async (h) => ({ caseId: (await prepared.consentOnRecord(h)).id }), allowed: ['applicant', ...STAFF_OF_SECTION, ...SUPERVISORS, 'admin'] },
  openGroup: { payload: async (h) => ({ caseId: (await prepared.accepted(h)).id }), allowed: ['applicant'], writes: ['audit', 'cases'] },
  getGroup: { payload: async (h) => ({ caseId: (await prepared.accepted(h)).id }), allowed: GROUP_READERS },
  listGroupMessages: { payload: async (h) => ({ caseId: (await prepared.accepted(h)).id }), allowed: GROUP_READERS },
  postGroupMessage: { payload: async (h) => ({ caseId: (await prepared.accepted(h)).id, text: '请问需要准备哪些材料？' }), allowed: ['applicant', 'contact', 'staff'], writes: ['groupMessages'] },
  inviteContact: { payload: async (h) => ({ caseId: (await prepared.accepted(h)).id }), allowed: ['applicant'], writes: ['audit', 'groupInvites'] },
  // Anyone holding a valid invite may join: members are simply shown the group, everyone else becomes a contact.
  joinGroupByInvite: {
    payload: async (h) => ({ token: (await h.ok('applicant', 'inviteContact', { caseId: (await prepared.accepted(h)).id })).token }),
    allowed: ALL,
    writes: (who) => (['applicant', 'contact', 'staff', 'observer'].includes(who) ? [] : ['audit', 'cases', 'groupInvites']),
  },
  setSectionGroupQr: {
    payload: async (h, who) => ({ sectionCode: remoteMatter.sectionCode, qrFileId: await uploadSignature(h, who) }),
    allowed: ['admin'],
    writes: ['audit', 'sectionSettings'],
  },
  getReadyQueue: { payload: async (h) => (await prepared.ready(h), {}), allowed: ANY_STAFF },
  offerSlots: { payload: async (h) => ({ ...ref(await prepared.ready(h)), starts: [MONDAY_10] }), allowed: ['staff'], writes: ['audit', 'cases', 'outbox'] },
  requestOtherTimes: { payload: async (h) => ({ ...ref(await prepared.offered(h)), note: '周三下午方便' }), allowed: ['applicant'], writes: ['audit', 'cases', 'outbox'] },
  bookSlot: { payload: async (h) => ({ ...ref(await prepared.offered(h)), start: MONDAY_10 }), allowed: ['applicant'], writes: ['audit', 'cases', 'officerDays', 'outbox'] },
  rescheduleInspection: { payload: async (h) => ({ ...ref(await prepared.scheduled(h)), reason: '负责人临时出差' }), allowed: ['applicant', 'staff'], writes: ['audit', 'cases', 'officerDays', 'outbox'] },
  recordNoShow: {
    payload: async (h) => {
      const c = await prepared.scheduled(h);
      h.clock.set('2026-06-15T02:20:00Z');
      return ref(c);
    },
    allowed: ['staff'],
    writes: ['audit', 'cases', 'officerDays', 'outbox'],
  },
  // Without Tencent Meeting configured, only a case that has its meeting already can be answered: unchanged.
  createMeeting: {
    payload: async (h) => {
      const c = await prepared.scheduled(h);
      return ref((await h.ok('staff', 'setMeetingManually', { ...ref(c), pasted: '123 456 789' })).case);
    },
    allowed: ['staff'],
    writes: [],
  },
  setMeetingManually: { payload: async (h) => ({ ...ref(await prepared.scheduled(h)), pasted: '#腾讯会议：123-456-789' }), allowed: ['staff'], writes: ['audit', 'cases'] },
};
