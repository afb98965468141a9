import { createHash } from 'node:crypto';
import { creditCodeCheckChar } from '../../cloudfunctions/src/domain/credit-code';
import type { CaseView, DeviceLocation } from '../../typings/models';
import { png, signaturePng } from '../support/images';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';
import { pdfText, squeeze } from '../support/pdf-text';

// Every way a case begins and is inspected (issue 12), as `npm start` serves it over HTTP: a counter case registered
// by one officer, claimed by the applicant in WeChat, signed, inspected over video and passed; an e-mail case; an
// on-site case from application to archive; a remote case switched to on-site and finished there.

jest.setTimeout(90_000);

let rt: RunningRuntime;
beforeAll(async () => {
  rt = await startLocalRuntime();
}, 30_000);
afterAll(() => rt.stop());

const MATTER = 'TJDL-HEA-002'; // 社会事务审批科, the demo officers' section; its regulator is the demo regulator's sector
const AT_PREMISES: DeviceLocation = { latitude: 39.1001, longitude: 117.3001, accuracy: 15 };
const premises = { address: '天津市东丽区登记测试路8号', latitude: 39.1, longitude: 117.3 };
const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);

async function upload(openid: string, purpose: 'material' | 'signature' | 'evidence', name: string, bytes: Uint8Array): Promise<string> {
  const { cloudPath } = await rt.ok(openid, 'requestUpload', { fileName: name, size: bytes.length, purpose });
  return rt.upload(openid, cloudPath, name, Buffer.from(bytes));
}
const scan = (openid: string) => upload(openid, 'material', '窗口扫描件.pdf', Buffer.from('%PDF-1.4 scanned at the counter'));
const photo = () => png(64, 48, (x, y) => [x * 3, y * 4, 90, 255]);

async function register(company: { name: string; creditCode: string }, extra: Record<string, unknown> = {}) {
  return rt.ok('demo-staff', 'registerCase', {
    matterCode: MATTER, mode: 'remote', company, applicantName: '孙八', applicantPhone: '13698761234', premises,
    channel: 'counter', receivedAt: new Date().toISOString(), materialFileIds: [await scan('demo-staff')], ...extra,
  } as never);
}

/** Offers the first working-day slot that fits the handler's days, a week or more ahead, and books it as the applicant. */
async function offerAndBook(handler: string, applicant: string, c: { id: string; version: number }): Promise<CaseView> {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  for (let d = 0; d < 40; d++) {
    const slot = new Date(Date.parse(`${day}T07:00:00Z`) + d * 86_400_000).toISOString();
    const r = await rt.call(handler, 'offerSlots', { caseId: c.id, version: c.version, starts: [slot], reason: '端到端测试安排' });
    if (!r.ok) continue;
    return (await rt.ok(applicant, 'bookSlot', { caseId: c.id, version: r.data.case.version, start: slot })).case;
  }
  throw new Error('no working-day slot could be offered in 40 days');
}

/** Starts the booked inspection as `handler` and records every item of the round as conforming. */
async function inspectAll(handler: string, caseId: string, location?: DeviceLocation) {
  let view = await rt.ok(handler, 'getInspection', { caseId });
  view = await rt.ok(handler, 'startInspection', { caseId, version: view.version, ...(location ? { location } : {}) });
  for (const item of view.items.filter((i) => i.inCurrentRound)) {
    await rt.ok(handler, 'saveChecklistItem', { caseId, itemCode: item.code, result: 'conforming', revision: 0 });
  }
  return view;
}

async function pass(handler: string, caseId: string, opinion: string) {
  const { version } = await rt.ok(handler, 'getInspection', { caseId });
  return rt.ok(handler, 'decideInspection', {
    caseId, version, outcome: 'pass', opinion, signatureFileId: await upload(handler, 'signature', 'sign.png', signaturePng()),
  });
}

test('a counter case: registered, claimed by the applicant, signed, inspected over video and passed', async () => {
  const receipt = await register({ name: '天津东丽窗口登记测试有限公司', creditCode: creditCode('91120110MA0E2EC01') });
  expect(receipt.case).toMatchObject({ stateLabel: '待受理', channel: 'counter', awaitingClaim: true, intake: { channelLabel: '窗口收件', registeredByName: '王芳' } });
  // The receipt's QR code holds the claim link; opened, it lands on the claim page with the link, as WeChat passes it.
  expect(receipt.claim.link).toBe(`${rt.url}/claim?code=${receipt.claim.code.replace('-', '')}`);
  expect(receipt.claim.qrDataUrl).toMatch(/^data:image\/gif;base64,/);
  const opened = await fetch(receipt.claim.link!, { redirect: 'manual' });
  expect(opened.headers.get('location')).toBe(`/preview/#/pages/claim-case/claim-case?q=${encodeURIComponent(receipt.claim.link!)}`);

  // The registering officer neither accepts it nor claims it.
  expect(await rt.call('demo-staff', 'acceptCase', { caseId: receipt.case.id, version: receipt.case.version })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await rt.call('demo-staff', 'claimCase', { code: receipt.claim.code, creditCode: receipt.case.company.creditCode, phoneTail: '1234' }))
    .toMatchObject({ ok: false, code: 'FORBIDDEN' });
  let c: CaseView = await rt.ok('demo-staff-2', 'acceptCase', { caseId: receipt.case.id, version: receipt.case.version });
  expect(c).toMatchObject({ stateLabel: '已受理', handlerName: '赵磊', awaitingClaim: true });

  // The applicant claims with the receipt: a wrong phone tail first, then the right one; the code then works no more.
  const answers = { code: receipt.claim.code, creditCode: receipt.case.company.creditCode, phoneTail: '1234' };
  expect(await rt.call('demo-applicant', 'claimCase', { ...answers, phoneTail: '9999' })).toMatchObject({ ok: false, message: expect.stringContaining('不符') });
  c = await rt.ok('demo-applicant', 'claimCase', answers);
  expect(c.can).toContain('signForm');
  expect(await rt.call('demo-contact', 'claimCase', answers)).toMatchObject({ ok: false, message: expect.stringContaining('已使用') });
  expect((await rt.ok('demo-applicant', 'listMyCases', {})).items.map((i) => i.id)).toContain(c.id);

  const forms = await rt.ok('demo-applicant', 'getCaseForms', { caseId: c.id });
  for (const f of forms.forms) {
    c = (await rt.ok('demo-applicant', 'signForm', { caseId: c.id, version: c.version, kind: f.kind, templateVersion: f.version, signatureFileId: await upload('demo-applicant', 'signature', 'sig.png', signaturePng()) })).case;
  }
  c = (await rt.ok('demo-applicant', 'openGroup', { caseId: c.id })).case;
  expect(c.stateLabel).toBe('待预约');
  c = await offerAndBook('demo-staff-2', 'demo-applicant', c);
  await rt.ok('demo-staff-2', 'setMeetingManually', { caseId: c.id, version: c.version, pasted: '123 456 789' });
  const started = await inspectAll('demo-staff-2', c.id, AT_PREMISES);
  expect(started.sessionCode?.code).toMatch(/^\d{6}$/);
  const decided = await pass('demo-staff-2', c.id, '经远程视频核查，现场条件符合要求。');
  expect(decided.decisions.at(-1)).toMatchObject({ outcome: 'pass' });
  const timeline = (await rt.ok('demo-applicant', 'getCase', { caseId: c.id })).timeline.map((t) => t.actionLabel);
  expect(timeline.slice(0, 3)).toEqual(['窗口/邮件登记', '受理', '申请人认领办件']);
});

test('an e-mail case keeps its sender and subject, its code can be re-issued, and the applicant claims with the new one', async () => {
  const email = { from: 'apply@tianjin-e2e.cn', subject: '二次供水卫生许可申请（电子材料）' };
  const receipt = await register({ name: '天津东丽邮件登记测试有限公司', creditCode: creditCode('91120110MA0E2EM02') }, { channel: 'email', email });
  expect(receipt.case.intake).toMatchObject({ channelLabel: '电子邮件收件', emailFrom: email.from, emailSubject: email.subject });
  const ticket = await rt.ok('demo-staff-2', 'reissueClaimCode', { caseId: receipt.case.id, version: receipt.case.version });
  const answers = { creditCode: receipt.case.company.creditCode, phoneTail: '1234' };
  expect(await rt.call('demo-applicant', 'claimCase', { code: receipt.claim.code, ...answers })).toMatchObject({ ok: false, message: expect.stringContaining('已作废') });
  const claimed = await rt.ok('demo-applicant', 'claimCase', { code: ticket.code, ...answers });
  expect(claimed).toMatchObject({ channel: 'email', stateLabel: '待受理' });
  // The same company cannot open a second application for the same matter meanwhile.
  const again = await rt.call('demo-applicant', 'applyForInspection', {
    matterCode: MATTER, mode: 'remote', company: receipt.case.company, applicantName: '孙八', applicantPhone: '13698761234', premises,
    materialFileIds: [await scan('demo-applicant')],
  });
  expect(again).toMatchObject({ ok: false, code: 'DUPLICATE', message: expect.stringContaining(receipt.case.number) });
});

test('an on-site case: no consent, group or meeting; a visit slot, the officer’s live photos and location, decision, archive, regulator', async () => {
  const applied = await rt.ok('demo-applicant', 'applyForInspection', {
    matterCode: MATTER, mode: 'onsite', company: { name: '天津东丽现场踏勘测试有限公司', creditCode: creditCode('91120110MA0E2EN03') },
    applicantName: '张三', applicantPhone: '13812345678', premises, materialFileIds: [await scan('demo-applicant')],
  });
  let c: CaseView = await rt.ok('demo-staff', 'acceptCase', { caseId: applied.id, version: applied.version });
  expect(c.stateLabel).toBe('待预约');
  expect(c.groupLabel).toBeUndefined();
  const mine = await rt.ok('demo-applicant', 'getCase', { caseId: c.id });
  expect(mine.can).not.toEqual(expect.arrayContaining(['signForm']));
  expect(mine.can).not.toContain('openGroup');
  expect(await rt.call('demo-applicant', 'signForm', { caseId: c.id, version: c.version, kind: 'consent', templateVersion: 1, signatureFileId: await upload('demo-applicant', 'signature', 'sig.png', signaturePng()) }))
    .toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect((await rt.ok('demo-staff', 'getReadyQueue', {})).items.map((i) => i.id)).toContain(c.id);

  c = await offerAndBook('demo-staff', 'demo-applicant', c);
  expect(c.stateLabel).toBe('已预约');
  const group = await rt.ok('demo-staff', 'getGroup', { caseId: c.id });
  expect(group.meeting?.meetingCode).toBeUndefined();
  expect(group.case.can).not.toContain('setMeetingManually');

  // At the premises: the officer's own position is the premises check; no session code to read out.
  let view = await rt.ok('demo-staff', 'getInspection', { caseId: c.id });
  expect(await rt.call('demo-staff', 'startInspection', { caseId: c.id, version: view.version })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('位置') });
  view = await inspectAll('demo-staff', c.id, AT_PREMISES);
  expect(view.sessionCode).toBeUndefined();
  const livePhoto = photo();
  const live = await rt.ok('demo-staff', 'addEvidence', {
    caseId: c.id, kind: 'live-photo', fileId: await upload('demo-staff', 'evidence', 'live.png', livePhoto),
    capturedAt: new Date().toISOString(), location: AT_PREMISES, description: '水箱间全景',
    clientSha256: createHash('sha256').update(livePhoto).digest('hex'),
  });
  expect(live.kind).toBe('live-photo');
  const decided = await pass('demo-staff', c.id, '经现场踏勘，现场条件符合要求。');
  expect(decided.premisesCheck).toMatchObject({ flagged: false });

  const archived = await rt.ok('demo-staff', 'getArchive', { caseId: c.id });
  const text = squeeze(pdfText(new Uint8Array(await (await fetch(archived.downloadUrl)).arrayBuffer())));
  expect(text).toContain('行政许可事项现场踏勘档案');
  expect(text).not.toContain('远程视频踏勘档案');
  expect((await rt.ok('demo-regulator', 'listRegulatorInbox', {})).items.map((i) => i.caseId)).toContain(c.id);
  const inbox = await rt.ok('demo-applicant', 'listInbox', {});
  const about = inbox.items.filter((m) => m.caseId === c.id);
  expect(about.length).toBeGreaterThan(0);
  for (const m of about) expect(`${m.title}${m.body}`).not.toContain('视频');
});

test('a remote case switched to on-site (转现场踏勘) continues on the on-site path with its history and is finished there', async () => {
  const applied = await rt.ok('demo-applicant', 'applyForInspection', {
    matterCode: MATTER, mode: 'remote', company: { name: '天津东丽转现场测试有限公司', creditCode: creditCode('91120110MA0E2ET04') },
    applicantName: '张三', applicantPhone: '13812345678', premises, materialFileIds: [await scan('demo-applicant')],
  });
  let c: CaseView = await rt.ok('demo-staff', 'acceptCase', { caseId: applied.id, version: applied.version });
  const forms = await rt.ok('demo-applicant', 'getCaseForms', { caseId: c.id });
  for (const f of forms.forms) {
    c = (await rt.ok('demo-applicant', 'signForm', { caseId: c.id, version: c.version, kind: f.kind, templateVersion: f.version, signatureFileId: await upload('demo-applicant', 'signature', 'sig.png', signaturePng()) })).case;
  }
  c = (await rt.ok('demo-applicant', 'openGroup', { caseId: c.id })).case;
  c = await offerAndBook('demo-staff', 'demo-applicant', c);
  await rt.ok('demo-staff', 'setMeetingManually', { caseId: c.id, version: c.version, pasted: '987 654 321' });
  // The video call starts; one item is recorded, then the picture is not enough.
  let view = await rt.ok('demo-staff', 'getInspection', { caseId: c.id });
  view = await rt.ok('demo-staff', 'startInspection', { caseId: c.id, version: view.version, location: AT_PREMISES });
  const [first] = view.items.filter((i) => i.inCurrentRound);
  await rt.ok('demo-staff', 'saveChecklistItem', { caseId: c.id, itemCode: first!.code, result: 'conforming', revision: 0 });
  view = await rt.ok('demo-staff', 'getInspection', { caseId: c.id });

  c = await rt.ok('demo-staff', 'switchToOnsite', { caseId: c.id, version: view.version, reason: '视频画面无法看清水箱内部，需实地核查' });
  expect(c).toMatchObject({ mode: 'onsite', stateLabel: '待预约', onsiteReason: '视频画面无法看清水箱内部，需实地核查' });
  expect(c.can).not.toContain('postGroupMessage');
  c = await offerAndBook('demo-staff', 'demo-applicant', c);
  expect((await rt.ok('demo-staff', 'getGroup', { caseId: c.id })).meeting?.meetingCode).toBeUndefined();

  const second = await inspectAll('demo-staff', c.id, AT_PREMISES);
  // On site every item is inspected again; the video round's finding stays beside the new one.
  expect(second.round).toBe(2);
  expect(second.items.filter((i) => i.inCurrentRound).map((i) => i.code)).toEqual(view.items.map((i) => i.code));
  const decided = await pass('demo-staff', c.id, '经现场踏勘，现场条件符合要求。');
  expect(decided.decisions.at(-1)).toMatchObject({ outcome: 'pass' });
  expect(decided.items.find((i) => i.code === first!.code)!.findings.map((f) => f.round)).toEqual([1, 2]);
  const history = (await rt.ok('demo-applicant', 'getCase', { caseId: c.id })).timeline.map((t) => t.actionLabel);
  expect(history).toEqual(expect.arrayContaining(['申请人签署', '开始踏勘', '转现场踏勘', '作出踏勘决定']));
  const archived = await rt.ok('demo-staff', 'getArchive', { caseId: c.id });
  expect(squeeze(pdfText(new Uint8Array(await (await fetch(archived.downloadUrl)).arrayBuffer())))).toContain('现场踏勘档案');
});
