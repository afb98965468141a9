import { creditCodeCheckChar } from '../../cloudfunctions/src/domain/credit-code';
import type { CaseView } from '../../typings/models';
import { signaturePng } from '../support/images';
import { pdfText, squeeze } from '../support/pdf-text';
import { type RunningRuntime, startLocalRuntime } from '../support/local-runtime';

// The forms, the group, scheduling and the meeting as `npm start` serves them over HTTP: accept → sign both →
// open the group → times offered → booked → the meeting card shows the code.

// Signing renders PDFs, and the local runtime seeds signed cases before it answers.
jest.setTimeout(30_000);

let rt: RunningRuntime;
beforeAll(async () => {
  rt = await startLocalRuntime();
}, 30_000);
afterAll(() => rt.stop());

async function uploadSignature(openid: string): Promise<string> {
  const bytes = Buffer.from(signaturePng());
  const { cloudPath } = await rt.ok(openid, 'requestUpload', { fileName: 'signature.png', size: bytes.length, purpose: 'signature' });
  return rt.upload(openid, cloudPath, 'signature.png', bytes);
}

test('the demo data holds a case signed and ready, and one booked whose card carries a meeting code', async () => {
  const queue = await rt.ok('demo-staff', 'getReadyQueue', {});
  expect(queue.items.length).toBeGreaterThanOrEqual(1);
  const booked = (await rt.ok('demo-applicant', 'listMyCases', {})).items.find((c) => c.stateLabel === '已预约')!;
  const group = await rt.ok('demo-applicant', 'getGroup', { caseId: booked.id });
  expect(group.meeting?.meetingCode).toMatch(/^\d{9}$/);
  expect(group.forms.every((f) => f.signedAt)).toBe(true);
});

test('accept, sign both forms, open the group, book an offered time: the meeting card shows the code', async () => {
  const { cloudPath } = await rt.ok('demo-applicant', 'requestUpload', { fileName: '营业执照.pdf', size: 21, purpose: 'material' });
  const material = await rt.upload('demo-applicant', cloudPath, '营业执照.pdf', Buffer.from('%PDF-1.4 e2e material'));
  const applied = await rt.ok('demo-applicant', 'applyForInspection', {
    matterCode: 'TJDL-HEA-002', mode: 'remote', materialFileIds: [material],
    company: { name: '天津东丽签约测试有限公司', creditCode: '91120110MA08E2E3X' + creditCodeCheckChar('91120110MA08E2E3X') },
    applicantName: '张三', applicantPhone: '13812345678',
    premises: { address: '天津市东丽区测试路2号', latitude: 39.1, longitude: 117.3 },
  });
  let c: CaseView = await rt.ok('demo-staff', 'acceptCase', { caseId: applied.id, version: applied.version });

  const forms = await rt.ok('demo-applicant', 'getCaseForms', { caseId: c.id });
  expect(forms.forms.map((f) => f.title)).toEqual(['东丽区行政审批局行政许可事项远程视频踏勘同意书', '住所（经营场所）告知承诺书']);
  for (const f of forms.forms) {
    c = (await rt.ok('demo-applicant', 'signForm', { caseId: c.id, version: c.version, kind: f.kind, templateVersion: f.version, signatureFileId: await uploadSignature('demo-applicant') })).case;
  }
  expect(c.stateLabel).toBe('已签署');
  const [consentCopy] = await rt.ok('demo-applicant', 'getSignedFormCopies', { caseId: c.id });
  const pdf = new Uint8Array(await (await fetch(consentCopy!.url)).arrayBuffer());
  expect(squeeze(pdfText(pdf))).toContain(c.number);

  const group = await rt.ok('demo-applicant', 'openGroup', { caseId: c.id });
  expect(group.case.stateLabel).toBe('待预约');
  expect(group.manual.length).toBeGreaterThan(3);

  // The seeded ready case was accepted first: taking this one first needs a reason.
  const start = new Date(Date.now() + 7 * 86_400_000);
  const day = start.toISOString().slice(0, 10);
  let offered;
  for (let d = 0; !offered; d++) {
    const slot = new Date(Date.parse(`${day}T02:00:00Z`) + d * 86_400_000).toISOString();
    const r = await rt.call('demo-staff', 'offerSlots', { caseId: c.id, version: group.case.version, starts: [slot], reason: '端到端测试优先安排' });
    if (r.ok) offered = { slot, view: r.data };
    else expect(r.message).toMatch(/不是工作日/);
  }
  const booked = await rt.ok('demo-applicant', 'bookSlot', { caseId: c.id, version: offered.view.case.version, start: offered.slot });
  expect(booked.case.stateLabel).toBe('已预约');
  await rt.ok('demo-staff', 'setMeetingManually', { caseId: c.id, version: booked.case.version, pasted: '#腾讯会议：321-654-987' });
  const card = (await rt.ok('demo-applicant', 'getGroup', { caseId: c.id })).meeting!;
  expect(card).toMatchObject({ start: offered.slot, meetingCode: '321654987', miniProgram: { appId: 'wx33fd6cdc62520063' } });
  expect(card.miniProgram!.path).toContain('code=321654987');
});
