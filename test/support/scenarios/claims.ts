import type { ActionRequest, ClaimsActions, RegistrationReceipt } from '../../../typings/api';
import type { Harness } from '../harness';
import { ALL, type ActionScenario, STAFF_OF_SECTION, application, ref } from './core';

/** What the officer `who` registers from the counter: the app's application, with materials they uploaded. */
export async function registration(h: Harness, who = 'staff', overrides: Partial<ActionRequest<'registerCase'>> = {}): Promise<ActionRequest<'registerCase'>> {
  const { materialFileIds: _theirs, ...input } = application('x', []);
  return {
    ...input, applicantName: '王五', applicantPhone: '13912345678', channel: 'counter', receivedAt: h.clock.now().toISOString(),
    materialFileIds: [await h.uploadMaterial(who, '窗口扫描件.pdf')], ...overrides,
  };
}

/** A counter case registered by `staff`, with its receipt. */
export const registered = async (h: Harness, overrides: Partial<ActionRequest<'registerCase'>> = {}): Promise<RegistrationReceipt> =>
  h.ok('staff', 'registerCase', await registration(h, 'staff', overrides));

/** Authorization-matrix rows of registration's claim actions. */
export const CLAIMS_SCENARIOS: { [A in keyof ClaimsActions]: ActionScenario<A> } = {
  // files, pdfJobs: the new receipt PDF with the new code.
  reissueClaimCode: { payload: async (h) => ref((await registered(h)).case), allowed: STAFF_OF_SECTION, writes: ['audit', 'cases', 'claimCodes', 'files', 'pdfJobs'] },
  claimCase: {
    payload: async (h) => {
      const r = await registered(h);
      return { code: r.claim.code, creditCode: r.case.company.creditCode, phoneTail: '5678' };
    },
    // Everyone but the officer who registered it (the case is not accepted yet, so it has no handler).
    allowed: ALL.filter((who) => who !== 'staff'),
    writes: ['audit', 'cases', 'claimCodes'],
  },
  getRegistrationReceipt: { payload: async (h) => ({ caseId: (await registered(h)).case.id }), allowed: STAFF_OF_SECTION, writes: ['fileAccess'] },
};
