import type { CaseView, ReadinessView } from '../../typings/models';
import { forceCase } from './fast-forward';
import type { Harness } from './harness';
import { signaturePng } from './images';
import { cases, ref } from './scenarios/core';

// Cases of the forms area in the states its actions start from. Signing walks the real path (it renders PDFs);
// scheduling starts from a case put straight into `ready`, which is what signing and opening the group lead to.

/** Monday 2026-06-15, 10:00 and 14:00 China time: working days in office hours, after the harness clock's Friday. */
export const MONDAY_10 = '2026-06-15T02:00:00.000Z';
export const MONDAY_14 = '2026-06-15T06:00:00.000Z';

/** A signature image uploaded by `who` the way the signature pad does, its file id. */
export async function uploadSignature(h: Harness, who: string, bytes: Uint8Array = signaturePng()): Promise<string> {
  const { cloudPath } = await h.ok(who, 'requestUpload', { fileName: 'signature.png', size: bytes.length, purpose: 'signature' });
  return (await h.deps.files.put(cloudPath, Buffer.from(bytes))).fileId;
}

export async function sign(h: Harness, c: { id: string; version: number }, kind: 'consent' | 'commitment', who = 'applicant'): Promise<ReadinessView> {
  return h.ok(who, 'signForm', { caseId: c.id, version: c.version, kind, templateVersion: 1, signatureFileId: await uploadSignature(h, who) });
}

const asRef = (v: CaseView | ReadinessView): CaseView => ('case' in v ? v.case : v);

export const prepared = {
  accepted: cases.accepted,
  async consentSigned(h: Harness): Promise<CaseView> {
    return asRef(await sign(h, await cases.accepted(h), 'consent'));
  },
  /** The consent form on record as signing leaves it, without rendering its PDFs: for tests of who may act on it. */
  async consentOnRecord(h: Harness): Promise<CaseView> {
    const c = await cases.accepted(h);
    const pdf = (copy: string) => ({ fileId: `local://cases/${c.id}/forms/consent-v1-${copy}.pdf`, sha256: '0'.repeat(64), size: 1 });
    const consent = {
      templateVersion: 1, signedAt: h.clock.now().toISOString(), signatureFileId: await uploadSignature(h, 'applicant'),
      applicantCopy: pdf('applicant'), officeCopy: pdf('office'),
    };
    await forceCase(h, c.id, { forms: { consent } });
    return h.ok('staff', 'getCase', { caseId: c.id });
  },
  async signed(h: Harness): Promise<CaseView> {
    return asRef(await sign(h, await prepared.consentSigned(h), 'commitment'));
  },
  /** Both forms signed and the group opened, as far as scheduling is concerned. */
  async ready(h: Harness, who = 'applicant'): Promise<CaseView> {
    const c = await h.ok('staff', 'acceptCase', ref(await h.apply(who)));
    await forceCase(h, c.id, { state: 'ready', groupOpenedAt: h.clock.now().toISOString() });
    return h.ok('staff', 'getCase', { caseId: c.id });
  },
  async offered(h: Harness, starts = [MONDAY_10, MONDAY_14]): Promise<CaseView> {
    const c = await prepared.ready(h);
    return (await h.ok('staff', 'offerSlots', { ...ref(c), starts })).case;
  },
  async scheduled(h: Harness, start = MONDAY_10): Promise<CaseView> {
    const c = await prepared.offered(h);
    return (await h.ok('applicant', 'bookSlot', { ...ref(c), start })).case;
  },
};
