import { forceCase } from '../../support/fast-forward';
import { SESSION_CODE_TTL_MS } from '../../../cloudfunctions/src/domain/session-code';
import { type Harness, makeHarness } from '../../support/harness';
import {
  AT_PREMISES, LONGER_2027, NOTICE_2027, addLivePhoto, caseRecord, decide, inspectionOf, recordFindings, rectifyingCase, scheduledCase, startedCase,
} from '../../support/inspection';
import { prepared } from '../../support/readiness';
import { ref } from '../../support/scenarios';
import { raceWrites, storeWith } from '../../support/store-with';

jest.setTimeout(60_000);

// What each party reads on the inspection page, field by field: the booking, the rounds, the session code and its
// expiry, the location checks and signatures kept to the office's side, the rectification's deadline and whether it
// is overdue or provisional, the rating; how a party with no user record is named in the record; and how a change
// that adds to the record (a checklist item) lands while others write to the case.

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ caseParties: true });
});
afterEach(() => h.close());

describe('before the inspection starts', () => {
  test('the booked slot and the checklist version are shown; no item is in a round yet', async () => {
    const ready = await prepared.ready(h);
    const start = new Date(Date.parse(h.clock.now().toISOString()) + 3 * 86_400_000);
    start.setUTCHours(2, 0, 0, 0);
    const offered = await h.ok('staff', 'offerSlots', { ...ref(ready), starts: [start.toISOString()] });
    await h.ok('applicant', 'bookSlot', { caseId: ready.id, version: offered.case.version, start: start.toISOString() });
    const view = await inspectionOf(h, ready.id, 'applicant');
    const stored = await caseRecord(h, ready.id);
    expect(view.booked).toEqual({ start: stored.scheduledAt, end: stored.scheduledEnd });
    expect(view.checklistVersion).toBe(stored.checklistVersion);
    expect(view.checklistVersion).toBeGreaterThan(0);
    expect(view.round).toBe(0);
    expect(view.items.length).toBeGreaterThan(0);
    expect(view.items.map((i) => i.inCurrentRound)).toEqual(view.items.map(() => false));
  });

  test('a case not yet accepted has no checklist to show', async () => {
    const submitted = await h.apply();
    const view = await inspectionOf(h, submitted.id, 'applicant');
    expect(view.items).toEqual([]);
    expect(view).not.toHaveProperty('checklistVersion');
    expect(view.round).toBe(0);
  });

  test('a case without a booked slot shows none', async () => {
    const caseId = await scheduledCase(h);
    expect(await inspectionOf(h, caseId)).not.toHaveProperty('booked');
  });
});

describe('during the inspection', () => {
  test('the session code is made of the random bytes themselves, one digit a byte', async () => {
    const ids = h.deps.ids;
    // The randomness port answering known bytes for the code's draw (twelve bytes); every other id as usual.
    h.deps.ids = { ...ids, randomHex: (size: number) => (size === 12 ? Buffer.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8]).toString('hex') : ids.randomHex(size)) };
    expect((await startedCase(h, AT_PREMISES)).sessionCode!.code).toBe('314159');
  });

  test('the session code expires thirty minutes after it is issued', async () => {
    const view = await startedCase(h, AT_PREMISES);
    const code = view.sessionCode!;
    expect(Date.parse(code.expiresAt) - Date.parse(code.issuedAt)).toBe(SESSION_CODE_TTL_MS);
    expect(SESSION_CODE_TTL_MS).toBe(30 * 60 * 1000);
  });

  test('the location checks of each round are the office’s: another officer of the section sees them, the applicant and the contact do not', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const office = await inspectionOf(h, caseId, 'otherStaff');
    expect(office.rounds[0]!.premisesChecks).toEqual([expect.objectContaining({ flagged: false, accuracyMeters: 30, reportedByName: '王芳' })]);
    expect(office.premisesCheck).toMatchObject({ flagged: false });
    expect(office.observerRemarks).toEqual([]);
    for (const who of ['applicant', 'contact']) {
      const party = await inspectionOf(h, caseId, who);
      expect(party.rounds[0]).not.toHaveProperty('premisesChecks');
      expect(party).not.toHaveProperty('premisesCheck');
      expect(party).not.toHaveProperty('observerRemarks');
    }
    // The record keeps where the phone was and how precise the fix was.
    expect((await caseRecord(h, caseId)).inspections![0]!.premisesChecks[0]!.location).toEqual({ latitude: AT_PREMISES.latitude, longitude: AT_PREMISES.longitude, accuracy: 30 });
  });

  test('an on-site contact with no user record is named in the evidence as 现场联系人, the applicant by the name on the application', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    await h.deps.store.remove('users', 'contact');
    await h.deps.store.remove('users', 'applicant');
    await addLivePhoto(h, caseId, 'contact', 100);
    await addLivePhoto(h, caseId, 'applicant', 140);
    const { applicantName } = await caseRecord(h, caseId);
    expect((await inspectionOf(h, caseId)).evidence.map((e) => e.uploadedByName)).toEqual(['现场联系人', applicantName]);
  });
});

describe('after the decision', () => {
  test('the session code is no longer shown, and the decision’s signature only to the office', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    await recordFindings(h, caseId);
    await decide(h, caseId, 'pass');
    const office = await inspectionOf(h, caseId);
    expect(office).not.toHaveProperty('sessionCode');
    expect(office.decisions[0]!.signatureUrl).toEqual(expect.any(String));
    expect((await inspectionOf(h, caseId, 'applicant')).decisions[0]).not.toHaveProperty('signatureUrl');
  });

  test('the rating is the applicant’s and the office’s to read, not the on-site contact’s', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    await recordFindings(h, caseId);
    await decide(h, caseId, 'pass');
    await h.ok('applicant', 'rateService', { caseId, score: 4, suggestions: '流程清楚' });
    expect((await inspectionOf(h, caseId, 'applicant')).rating).toMatchObject({ score: 4, suggestions: '流程清楚' });
    expect((await inspectionOf(h, caseId, 'staff')).rating).toMatchObject({ score: 4 });
    expect(await inspectionOf(h, caseId, 'contact')).not.toHaveProperty('rating');
  });

  test('a rectification deadline is overdue only once it has passed', async () => {
    const view = await rectifyingCase(h);
    const deadline = view.rectification!.deadline;
    expect(view.rectification!.overdue).toBe(false);
    h.clock.set(deadline);
    expect((await inspectionOf(h, view.caseId)).rectification!.overdue).toBe(false);
    h.clock.set(new Date(Date.parse(deadline) + 1).toISOString());
    expect((await inspectionOf(h, view.caseId)).rectification!.overdue).toBe(true);
  });

  test('a deadline counted on a year without its notice reads as provisional until the handler settles the recount', async () => {
    // Set on a known year's days: firm.
    h.clock.set('2026-06-15T02:00:00Z');
    const firm = await rectifyingCase(h);
    expect(firm.rectification!.deadlineProvisional).toBe(false);
    // Set on 28 December 2026, counted into 2027 before its notice was entered: provisional.
    h.clock.set('2026-12-28T02:00:00Z');
    const counted = await rectifyingCase(h);
    expect(counted.rectification!.deadlineProvisional).toBe(true);
    // The notice entered moves it: still provisional while the handler has not decided.
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    expect((await inspectionOf(h, counted.caseId)).rectification!.deadlineProvisional).toBe(true);
    expect((await inspectionOf(h, firm.caseId)).rectification!.deadlineProvisional).toBe(false);
    const c = await h.ok('staff', 'getCase', { caseId: counted.caseId });
    await h.ok('staff', 'settleRecountedDeadline', { caseId: counted.caseId, version: c.version, deadline: 'rectification', issued: c.pendingRecounts![0]!.issued, adopt: true });
    expect((await inspectionOf(h, counted.caseId)).rectification!.deadlineProvisional).toBe(false);
  });
});

describe('whether a rectification deadline reads as provisional', () => {
  const provisional = async (caseId: string) => (await inspectionOf(h, caseId)).rectification!.deadlineProvisional;
  /** A rectification set on 28 December 2026, counted into 2027 before its notice was entered. */
  const countedInto2027 = async () => {
    h.clock.set('2026-12-28T02:00:00Z');
    return (await rectifyingCase(h)).caseId;
  };

  test('a deadline counted after the year’s notice was entered is firm, even while a notice entered again would move it', async () => {
    h.clock.set('2026-12-28T02:00:00Z');
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const { caseId } = await rectifyingCase(h);
    expect(await provisional(caseId)).toBe(false);
    await h.ok('admin', 'saveCalendarYear', { ...LONGER_2027, version: 1, confirm: true });
    expect((await caseRecord(h, caseId)).pendingRecounts).toEqual([expect.objectContaining({ kind: 'rectification' })]);
    expect(await provisional(caseId)).toBe(false);
  });

  test('a provisional deadline the notice, once entered, leaves where it was is firm', async () => {
    const caseId = await countedInto2027();
    expect(await provisional(caseId)).toBe(true);
    // The statutory 2027 days as they are: 元旦 on 1 January only.
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, festivals: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] }], version: 0, confirm: true });
    expect((await caseRecord(h, caseId)).pendingRecounts).toBeUndefined();
    expect(await provisional(caseId)).toBe(false);
  });

  test('a marked deadline, its year since entered: provisional while its own recount waits, not for a follow-up’s', async () => {
    const caseId = await countedInto2027();
    await h.ok('admin', 'saveCalendarYear', { ...NOTICE_2027, version: 0, confirm: true });
    const [own] = (await caseRecord(h, caseId)).pendingRecounts!;
    const followUp = { kind: 'followUp' as const, issued: '2027-02-26T15:59:59.999Z', wouldBe: '2027-03-01T15:59:59.999Z', year: 2027, followUpId: 'fu-1', notedAt: h.clock.now().toISOString() };
    // Passed after rectification and drawn for a follow-up (as the monthly draw leaves such a case), both recounts waiting.
    await forceCase(h, caseId, { state: 'passed', pendingRecounts: [own!, followUp] });
    expect(await provisional(caseId)).toBe(true);
    await forceCase(h, caseId, { pendingRecounts: [followUp] });
    expect(await provisional(caseId)).toBe(false);
  });
});

describe('a checklist item saved while other changes land on the case', () => {
  const save = (caseId: string, itemCode: string) => h.call('staff', 'saveChecklistItem', { caseId, itemCode, result: 'conforming', revision: 0 });
  const findings = async (caseId: string) => (await caseRecord(h, caseId)).inspections![0]!.findings;

  test('nineteen other changes first: it is tried again each time and lands once', async () => {
    const { caseId, items } = await startedCase(h, AT_PREMISES);
    const raced = raceWrites(h.deps.store, 'cases', 19);
    expect(await save(caseId, items[0]!.code)).toMatchObject({ ok: true, data: { finding: { revision: 1 } } });
    expect(raced()).toBe(19);
    expect(await findings(caseId)).toEqual([expect.objectContaining({ itemCode: items[0]!.code, revision: 1 })]);
  });

  test('twenty other changes first: refused as a conflict in words, nothing saved', async () => {
    const { caseId, items } = await startedCase(h, AT_PREMISES);
    const raced = raceWrites(h.deps.store, 'cases', 20);
    expect(await save(caseId, items[0]!.code)).toMatchObject({ ok: false, code: 'CONFLICT', message: '该办件刚被他人修改，请刷新后重试' });
    expect(raced()).toBe(20);
    expect(await findings(caseId)).toEqual([]);
  });

  test('a write the store fails is not tried again: the handler is told, nothing is saved, and saving again works', async () => {
    const { caseId, items } = await startedCase(h, AT_PREMISES);
    const store = h.deps.store;
    let writes = 0;
    h.deps.store = storeWith(store, {
      replace: async (collection, id, version, doc) => {
        if (collection !== 'cases') return store.replace(collection, id, version, doc);
        writes += 1;
        if (writes === 1) throw new Error('database unreachable');
        return store.replace(collection, id, version, doc);
      },
    });
    expect(await save(caseId, items[0]!.code)).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(writes).toBe(1);
    expect(await findings(caseId)).toEqual([]);
    expect(await save(caseId, items[0]!.code)).toMatchObject({ ok: true });
    expect(await findings(caseId)).toHaveLength(1);
  });
});
