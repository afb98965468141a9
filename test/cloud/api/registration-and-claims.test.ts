import type { AuditEntry, CaseRecord } from '../../../cloudfunctions/src/domain/case';
import { AT_PREMISES } from '../../support/inspection';
import { MONDAY_10, prepared } from '../../support/readiness';
import { CLAIM_CODE_TTL_DAYS } from '../../../cloudfunctions/src/domain/claim-code';
import { type Harness, makeHarness, remoteMatter, validCreditCode } from '../../support/harness';
import { PILOT_MATTERS } from '../../../cloudfunctions/src/catalogue/pilot-matters';
import { registered, registration } from '../../support/scenarios/claims';
import { application } from '../../support/scenarios/core';
import { pdfText, squeeze } from '../../support/pdf-text';
import { changedParts, stateOf } from '../../support/state-snapshot';
import { openApplicationId } from '../../../cloudfunctions/src/application/intake';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const auditOf = (caseId: string) => h.deps.store.find<AuditEntry>('audit', { where: { caseId }, orderBy: [['at', 'asc']] });
const answers = (r: { claim: { code: string }; case: { company: { creditCode: string } } }) =>
  ({ code: r.claim.code, creditCode: r.case.company.creditCode, phoneTail: '5678' });

describe('one open application per company and matter', () => {
  test('a second application is refused naming the open case; another matter, or after withdrawal, is accepted', async () => {
    const company = { name: '天津东丽宏达物业管理有限公司', creditCode: validCreditCode('91120110MA0DUP001') };
    const first = await h.apply('applicant', { company });
    const again = await h.call('otherApplicant', 'applyForInspection', { ...application('otherApplicant', [await h.uploadMaterial('otherApplicant')]), company });
    expect(again).toEqual({ ok: false, code: 'DUPLICATE', message: expect.stringContaining(first.number) });
    const counter = await h.call('staff', 'registerCase', await registration(h, 'staff', { company }));
    expect(counter).toMatchObject({ ok: false, code: 'DUPLICATE', message: expect.stringContaining(`办件编号 ${first.number}`) });
    expect(await h.deps.store.count('cases')).toBe(1);

    const otherMatter = PILOT_MATTERS.map((m) => m.matter).find((m) => m.code !== remoteMatter.code && m.remoteAllowed)!;
    await expect(h.apply('applicant', { company, matterCode: otherMatter.code })).resolves.toMatchObject({ state: 'submitted' });
    await h.ok('applicant', 'withdrawCase', { caseId: first.id, version: first.version, reason: '重新准备材料' });
    await expect(h.apply('applicant', { company })).resolves.toMatchObject({ state: 'submitted' });
  });
});

describe('one open application per company and matter, under concurrency', () => {
  const company = { name: '天津东丽同时提交有限公司', creditCode: validCreditCode('91120110MA0DUP002') };
  const applyAs = async (who: string) =>
    h.call(who, 'applyForInspection', { ...application(who, [await h.uploadMaterial(who)]), company });

  test('two submissions in the same instant: one case, the other refused; a refused registration copies no file', async () => {
    const [a, b] = await Promise.all([applyAs('applicant'), applyAs('otherApplicant')]);
    // The second finds the first's claim before the first's case is written: told it is being submitted.
    const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.code)).sort();
    expect(outcomes).toEqual(['IN_PROGRESS', 'ok']);
    expect(await h.deps.store.count('cases')).toBe(1);

    const before = await stateOf(h);
    const third = await h.call('staff', 'registerCase', await registration(h, 'staff', { company }));
    expect(third).toMatchObject({ ok: false, code: 'DUPLICATE' });
    // The refused registration wrote nothing but its own upload place and the request record.
    expect(changedParts(before, await stateOf(h)).filter((p) => !['uploads', 'requests', 'files'].includes(p))).toEqual([]);
  });

  test('a claim whose case was never written holds others off for the request lease, then is taken over', async () => {
    const id = openApplicationId(company.creditCode, remoteMatter.code);
    await h.deps.store.insert('openApplications', id, { caseId: 'never-written', claimedBy: 'someoneElse', claimedAt: h.clock.now().toISOString() });
    expect(await applyAs('applicant')).toMatchObject({ ok: false, code: 'IN_PROGRESS', message: expect.stringContaining('提交中') });
    expect(await h.deps.store.count('cases')).toBe(0);
    h.clock.advance(91_000);
    const taken = await applyAs('applicant');
    expect(taken).toMatchObject({ ok: true });
    expect(await h.deps.store.get('openApplications', id)).toMatchObject({ caseId: (taken as { data: { id: string } }).data.id, claimedBy: 'applicant' });
  });
});

describe('counter and e-mail registration', () => {
  test('staff never name the applicant: an openid in the payload is refused', async () => {
    const r = await h.call('staff', 'registerCase', { ...(await registration(h)), applicantOpenid: 'applicant' } as never);
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await h.deps.store.count('cases')).toBe(0);
  });

  test('an e-mail case keeps the sender and subject; the office sees them, the receipt has a code that expires', async () => {
    const email = { from: 'Zhang.San@Example.com', subject: '二次供水卫生许可申请材料' };
    const receipt = await registered(h, { channel: 'email', email, applicantEmail: 'zhangsan@example.com' });
    expect(receipt.claim.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(receipt.claim.path).toBe(`/pages/claim-case/claim-case?code=${receipt.claim.code.replace('-', '')}`);
    expect(Date.parse(receipt.claim.expiresAt) - h.clock.now().getTime()).toBe(CLAIM_CODE_TTL_DAYS * 86_400_000);
    expect(receipt.case).toMatchObject({
      channel: 'email', state: 'submitted', awaitingClaim: true,
      intake: { channelLabel: '电子邮件收件', emailFrom: 'zhang.san@example.com', emailSubject: email.subject, registeredByName: '王芳' },
    });
    expect(receipt.case.materials.map((m) => m.name)).toEqual(['窗口扫描件.pdf']);
    // The case and the claim record keep only the code's hash.
    const stored = JSON.stringify(await h.deps.store.find('claimCodes', {})) + JSON.stringify(await h.deps.store.find('cases', {}));
    expect(stored).not.toContain(receipt.claim.code.replace('-', ''));
    expect((await auditOf(receipt.case.id))[0]).toMatchObject({ action: 'registerCase', actorId: 'staff', note: `邮件收件：zhang.san@example.com「${email.subject}」` });
  });

  test('where the office registered a claim link, the receipt carries its QR code; without one, the code only', async () => {
    expect((await registered(h)).claim).not.toHaveProperty('qrDataUrl');
    const withLink = await makeHarness({ config: { claimLinkBase: 'https://zwfw.example.gov.cn/rvi/claim' } });
    try {
      const { claim } = await registered(withLink);
      const code = claim.code.replace('-', '');
      expect(claim.link).toBe(`https://zwfw.example.gov.cn/rvi/claim?code=${code}`);
      const gif = Buffer.from(claim.qrDataUrl!.replace(/^data:image\/gif;base64,/, ''), 'base64');
      expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF87a');
      // A whole QR symbol (17 + 4 × version modules, the link needs version 3 or more) at 6 px, 4-module quiet zones.
      const modules = (gif.readUInt16LE(6) - 2 * 4 * 6) / 6;
      expect(Number.isInteger(modules) && (modules - 17) % 4 === 0 && modules >= 29).toBe(true);
    } finally {
      withLink.close();
    }
  });

  test('an e-mail registration without the e-mail, or materials someone else uploaded, is refused', async () => {
    expect(await h.call('staff', 'registerCase', await registration(h, 'staff', { channel: 'email' }))).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('发件人') });
    const theirs = await h.uploadMaterial('applicant');
    expect(await h.call('staff', 'registerCase', await registration(h, 'staff', { materialFileIds: [theirs] }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('the registering officer cannot accept it; the head may hand it to them with a reason', async () => {
    const { case: c } = await registered(h);
    expect((await h.ok('staff', 'getCase', { caseId: c.id })).can).not.toContain('acceptCase');
    expect(await h.call('staff', 'acceptCase', { caseId: c.id, version: c.version })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const accepted = await h.ok('otherStaff', 'acceptCase', { caseId: c.id, version: c.version });
    const moved = await h.ok('head', 'reassignCase', { caseId: c.id, version: accepted.version, toOpenid: 'staff', reason: '熟悉该企业情况，科长决定由登记人经办' });
    expect(moved.handlerName).toBe('王芳');
    expect((await auditOf(c.id)).at(-1)).toMatchObject({ action: 'reassignCase', actorId: 'head', note: expect.stringContaining('科长决定') });
  });
});

describe('the printable receipt', () => {
  /** The text of the receipt PDF the officer's link opens. */
  async function receiptText(on: Harness, who: string, caseId: string): Promise<string> {
    const { downloadUrl, fileName } = await on.ok(who, 'getRegistrationReceipt', { caseId });
    expect(fileName).toMatch(/^收件回执_.+\.pdf$/);
    const path = decodeURIComponent(new URL(downloadUrl).pathname.replace(/^\/files\//, ''));
    const chunks: Buffer[] = [];
    for await (const c of await on.deps.files.read(`local://${path}`)) chunks.push(Buffer.from(c as Buffer));
    return squeeze(pdfText(Buffer.concat(chunks)));
  }

  test('the PDF made at registration carries the case, the claim code and how to claim; a re-issue makes a new one', async () => {
    const receipt = await registered(h);
    const text = await receiptText(h, 'otherStaff', receipt.case.id);
    for (const expected of [receipt.case.number, receipt.claim.code, receipt.case.company.name, receipt.case.matterName, '窗口收件', '我的→认领办件', h.deps.config.officeName]) {
      expect(text).toContain(squeeze(expected));
    }
    expect(text).not.toContain('二维码');
    expect(await h.deps.store.find('fileAccess', { where: { caseId: receipt.case.id }, orderBy: [['at', 'desc']] })).toEqual([
      expect.objectContaining({ openedBy: 'otherStaff', kind: 'receipt', fileName: `收件回执_${receipt.case.number}.pdf` }),
    ]);

    const ticket = await h.ok('staff', 'reissueClaimCode', { caseId: receipt.case.id, version: receipt.case.version });
    const again = await receiptText(h, 'staff', receipt.case.id);
    expect(again).toContain(ticket.code);
    expect(again).not.toContain(receipt.claim.code);
    expect(again).toContain('此前的认领码已作废');
  });

  test('with a claim link the receipt says to scan its QR code', async () => {
    const withLink = await makeHarness({ config: { claimLinkBase: 'https://zwfw.example.gov.cn/rvi/claim' } });
    try {
      const receipt = await registered(withLink);
      expect(await receiptText(withLink, 'staff', receipt.case.id)).toContain('请用微信扫描下方二维码');
    } finally {
      withLink.close();
    }
  });

  test('an application made in the Mini Program has no receipt to print', async () => {
    const c = await h.apply('applicant');
    expect(await h.call('staff', 'getRegistrationReceipt', { caseId: c.id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('the claim', () => {
  test('until claimed the case is accepted but the forms wait; the claim binds it, once, and is audited', async () => {
    const receipt = await registered(h);
    const accepted = await h.ok('otherStaff', 'acceptCase', { caseId: receipt.case.id, version: receipt.case.version });
    expect(accepted).toMatchObject({ state: 'accepted', awaitingClaim: true });
    expect(await h.call('applicant', 'getCase', { caseId: receipt.case.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const claimed = await h.ok('applicant', 'claimCase', answers(receipt));
    expect(claimed).toMatchObject({ state: 'accepted', applicantName: '王五' });
    expect(claimed.awaitingClaim).toBeUndefined();
    expect(claimed.intake).toBeUndefined(); // the office's intake details are not the applicant's to see
    expect(claimed.can).toContain('signForm');
    expect((await h.ok('applicant', 'listMyCases', {})).items.map((i) => i.id)).toEqual([receipt.case.id]);
    expect((await auditOf(receipt.case.id)).at(-1)).toMatchObject({ action: 'claimCase', actorId: 'applicant', note: expect.stringContaining('认领码') });

    expect(await h.call('otherApplicant', 'claimCase', answers(receipt))).toEqual({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('已使用') });
    expect((await h.ok('applicant', 'getCase', { caseId: receipt.case.id })).timeline.map((t) => t.action)).toContain('claimCase');
  });

  test('a wrong code, wrong answers and an expired code are refused with a clear message; five wrong answers void the code', async () => {
    const receipt = await registered(h);
    expect(await h.call('applicant', 'claimCase', { ...answers(receipt), code: 'ABCD-EFGH' })).toEqual({ ok: false, code: 'NOT_FOUND', message: '认领码不正确，请核对回执上的认领码' });
    expect(await h.call('applicant', 'claimCase', { ...answers(receipt), code: 'AB0' })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('8位') });
    for (let left = 4; left >= 1; left--) {
      expect(await h.call('applicant', 'claimCase', { ...answers(receipt), phoneTail: '0000' }))
        .toEqual({ ok: false, code: 'VALIDATION', message: `统一社会信用代码或手机号后四位与登记信息不符，还可尝试${left}次` });
    }
    expect(await h.call('applicant', 'claimCase', { ...answers(receipt), phoneTail: '0000' })).toMatchObject({ ok: false, message: expect.stringContaining('已失效') });
    expect(await h.call('applicant', 'claimCase', answers(receipt))).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('错误次数过多') });

    const fresh = await registered(h, { company: { name: '天津某公司', creditCode: validCreditCode('91120110MA0CKAM22') } });
    h.clock.advance(CLAIM_CODE_TTL_DAYS * 86_400_000 + 1);
    expect(await h.call('applicant', 'claimCase', answers(fresh))).toEqual({ ok: false, code: 'INVALID_STATE', message: '认领码已过期，请联系登记窗口重新获取' });
  });

  test('a re-issued code replaces the old one, which then reads 已作废', async () => {
    const receipt = await registered(h);
    h.clock.advance(CLAIM_CODE_TTL_DAYS * 86_400_000 + 1);
    const ticket = await h.ok('otherStaff', 'reissueClaimCode', { caseId: receipt.case.id, version: receipt.case.version });
    expect(ticket.code).not.toBe(receipt.claim.code);
    expect(await h.call('applicant', 'claimCase', answers(receipt))).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('已作废') });
    await expect(h.ok('applicant', 'claimCase', { ...answers(receipt), code: ticket.code.toLowerCase() })).resolves.toMatchObject({ applicantName: '王五' });
    const fresh = await h.ok('staff', 'getCase', { caseId: receipt.case.id });
    expect(fresh.can).not.toContain('reissueClaimCode');
    expect(await h.call('staff', 'reissueClaimCode', { caseId: fresh.id, version: fresh.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('the registering officer cannot claim the case as its applicant', async () => {
    const receipt = await registered(h);
    expect(await h.call('staff', 'claimCase', answers(receipt))).toEqual({ ok: false, code: 'FORBIDDEN', message: '登记或经办该办件的工作人员不能认领为申请人' });
    expect((await h.ok('otherStaff', 'getCase', { caseId: receipt.case.id })).awaitingClaim).toBe(true);
  });
});

describe('the on-site path', () => {
  const outboxTitles = async (to: string) => (await h.deps.store.find<{ to: string; title: string; body: string }>('outbox', { where: { to }, limit: 100 })).map((m) => m.title + m.body);

  test('an on-site case is ready on acceptance, with no forms, group, meeting or session code; its messages say 现场踏勘', async () => {
    const c = await h.apply('applicant', { mode: 'onsite' });
    const accepted = await h.ok('staff', 'acceptCase', { caseId: c.id, version: c.version });
    expect(accepted).toMatchObject({ state: 'ready', stateLabel: '待预约' });
    expect(accepted.groupLabel).toBeUndefined();
    const mine = await h.ok('applicant', 'getCase', { caseId: c.id });
    for (const remoteOnly of ['signForm', 'openGroup', 'inviteContact', 'postGroupMessage']) expect(mine.can).not.toContain(remoteOnly);
    const offered = await h.ok('staff', 'offerSlots', { caseId: c.id, version: accepted.version, starts: [MONDAY_10] });
    const booked = await h.ok('applicant', 'bookSlot', { caseId: c.id, version: offered.case.version, start: MONDAY_10 });
    expect(booked.meeting?.meetingCode).toBeUndefined();
    expect(booked.case.can).not.toContain('setMeetingManually');
    const titles = await outboxTitles('applicant');
    expect(titles.some((t) => t.includes('请选择现场踏勘时间'))).toBe(true);
    expect(titles.join()).not.toContain('视频');

    expect(await h.call('staff', 'startInspection', { caseId: c.id, version: booked.case.version })).toMatchObject({ ok: false, code: 'VALIDATION' });
    const started = await h.ok('staff', 'startInspection', { caseId: c.id, version: booked.case.version, location: AT_PREMISES });
    expect(started).toMatchObject({ mode: 'onsite', state: 'inspecting', premisesCheck: { flagged: false } });
    expect(started.sessionCode).toBeUndefined();
    expect(started.can).not.toContain('resumeInspection');
    expect(await h.call('applicant', 'confirmSessionCode', { caseId: c.id, code: '123456', location: AT_PREMISES })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('a booked remote case switched to on-site releases its slot and meeting, keeps its history and the applicant’s choice', async () => {
    const booked = await prepared.scheduled(h);
    const switched = await h.ok('staff', 'switchToOnsite', { caseId: booked.id, version: booked.version, reason: '视频无法核实' });
    expect(switched).toMatchObject({ state: 'ready', mode: 'onsite', onsiteReason: '视频无法核实' });
    const stored = await h.deps.store.get<CaseRecord>('cases', booked.id);
    expect(stored).toMatchObject({ requestedMode: 'remote', switchedToOnsiteAt: h.clock.now().toISOString() });
    expect(stored!.scheduledAt).toBeUndefined();
    const days = await h.deps.store.find<{ bookings: unknown[] }>('officerDays', {});
    expect(days.flatMap((d) => d.bookings)).toEqual([]);
    expect(switched.timeline.map((t) => t.action)).toEqual(expect.arrayContaining(['bookSlot', 'switchToOnsite']));
    // The same officer's queue, in acceptance order, offers it a visit slot.
    expect((await h.ok('staff', 'getReadyQueue', {})).items.map((i) => i.id)).toContain(booked.id);
  });
});

test('until claimed, an on-site counter case is accepted and scheduled: the handler books the time agreed by phone', async () => {
  const { case: c } = await registered(h, { mode: 'onsite' });
  const accepted = await h.ok('otherStaff', 'acceptCase', { caseId: c.id, version: c.version });
  expect(accepted).toMatchObject({ state: 'ready', awaitingClaim: true });
  const offered = await h.ok('otherStaff', 'offerSlots', { caseId: c.id, version: accepted.version, starts: [MONDAY_10] });
  expect(await h.call('staff', 'bookSlot', { caseId: c.id, version: offered.case.version, start: MONDAY_10 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const booked = await h.ok('otherStaff', 'bookSlot', { caseId: c.id, version: offered.case.version, start: MONDAY_10 });
  expect(booked.case).toMatchObject({ state: 'scheduled', awaitingClaim: true });
  expect(booked.case.timeline.at(-1)).toMatchObject({ action: 'bookSlot', actorName: '赵磊' });
});
