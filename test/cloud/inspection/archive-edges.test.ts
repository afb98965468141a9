import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OutboxMessage } from '../../../cloudfunctions/src/adapters/outbox-notifier';
import { type RegulatorInboxRecord, pushNoticeId } from '../../../cloudfunctions/src/application/archive';
import { COMMITMENT_FORM_V1, CONSENT_FORM_V1, type FormTemplate } from '../../../cloudfunctions/src/catalogue/form-templates';
import type { ArchiveJob, PdfJob } from '../../../cloudfunctions/src/ports/pdf';
import { forceCase } from '../../support/fast-forward';
import { type Harness, makeHarness, remoteMatter } from '../../support/harness';
import { greyJpeg, signaturePng } from '../../support/images';
import {
  AT_PREMISES, caseRecord, addScreenshot, chained, decide, inspectionOf, proveAll, rectifyingCase, recordFindings, startedCase, upload,
} from '../../support/inspection';
import { pdfText, squeeze } from '../../support/pdf-text';

// What the archive carries and what the regulator receives, field by field. Each test renders one real archive
// (seconds): its assertions read that one archive, the job the api handed the pdf function (the wire contract
// between the two cloud functions, for what the printed text cannot show exactly) and the regulator's inbox.
jest.setTimeout(60_000);

let h: Harness;
let jobs: ArchiveJob['input'][];
beforeEach(async () => {
  h = await makeHarness();
  jobs = [];
  const pdf = h.deps.pdf;
  h.deps.pdf = {
    ...pdf,
    render: (job: PdfJob) => {
      if (job.kind === 'archive') jobs.push(structuredClone(job.input));
      return pdf.render(job);
    },
  };
});
afterEach(() => h.close());

const archiveText = async (caseId: string): Promise<string> =>
  squeeze(pdfText(readFileSync(h.deps.files.pathOf((await caseRecord(h, caseId)).archive!.fileId))));

/** Both copies of a form, rendered and stored by the pdf function as signing does. */
async function signedForm(caseId: string, template: FormTemplate, signedAt: string) {
  const c = await caseRecord(h, caseId);
  const signature = await h.deps.files.put(`uploads/applicant/${caseId}-${template.kind}-signature.png`, Buffer.from(signaturePng()));
  const copy = async (which: 'applicant' | 'office') => {
    const { fileId, sha256, size } = await h.deps.pdf.render({
      kind: 'signedForm', caseId, pathPrefix: `cases/${caseId}/forms/${template.kind}-v1-${which}`, template, copy: which,
      values: {
        officeName: '东丽区行政审批局', district: '天津市东丽区', companyName: c.company.name, creditCode: c.company.creditCode,
        applicantName: c.applicantName, matterName: c.matterName, premisesAddress: c.premises.address, caseNumber: c.number,
      },
      signedAt, signatureFileId: signature.fileId,
    });
    return { fileId, sha256, size };
  };
  return { templateVersion: 1, signedAt, signatureFileId: signature.fileId, applicantCopy: await copy('applicant'), officeCopy: await copy('office') };
}

/** A live photo taken in the Mini Program `minutesAgo` before it reaches the cloud. */
async function livePhoto(caseId: string, grey: number, location: { latitude: number; longitude: number; accuracy?: number }, minutesAgo: number, description?: string) {
  const photo = greyJpeg(64, 48, grey);
  const fileId = await upload(h, 'applicant', 'evidence', `live-${grey}.jpg`, photo);
  const capturedAt = new Date(h.clock.now().getTime() - minutesAgo * 60_000).toISOString();
  return chained(await h.ok('applicant', 'addEvidence', {
    caseId, fileId, kind: 'live-photo', capturedAt, location, ...(description ? { description } : {}),
    clientSha256: createHash('sha256').update(photo).digest('hex'),
  }));
}

/** The regulator's inbox entry and the notices of the push, as stored. */
async function pushOf(caseId: string) {
  const entry = await h.deps.store.get<RegulatorInboxRecord>('regulatorInbox', caseId);
  const notices = await Promise.all(['regulator', 'regulator2'].map((to) => h.deps.store.get<OutboxMessage>('outbox', pushNoticeId(caseId, to))));
  return { entry, notices };
}

/** A second regulator of the matter's sector, so the push has more than one recipient. */
const addSecondRegulator = () =>
  h.deps.store.insert('users', 'regulator2', { name: '郑云', roles: ['regulator'], sectorCode: remoteMatter.sectorCode, createdAt: h.clock.now().toISOString() });

describe('the archive of a passed case', () => {
  test('carries the case facts, each picture with its source, time and place, the evidence list and both copies of each signed form', async () => {
    await addSecondRegulator();
    const { caseId } = await startedCase(h, AT_PREMISES);
    const consent = await signedForm(caseId, CONSENT_FORM_V1, '2026-06-12T01:05:00.000Z');
    const commitment = await signedForm(caseId, COMMITMENT_FORM_V1, '2026-06-12T01:10:00.000Z');
    const countersigned = {
      ...consent,
      countersign: { byId: 'staff', byName: '王芳', at: '2026-06-12T01:20:00.000Z', signatureFileId: consent.signatureFileId, officeCopyBefore: consent.officeCopy },
    };
    await forceCase(h, caseId, {
      observerIds: ['supervisor'], acceptedAt: '2026-06-11T06:20:00.000Z', forms: { consent: countersigned, commitment },
    });

    // 09:30 China time: two live photos (taken 7 and 3 minutes earlier), then album files three minutes later.
    const first = await livePhoto(caseId, 120, { latitude: 39.0895, longitude: 117.3125, accuracy: 12.4 }, 7, '水箱间全景');
    const second = await livePhoto(caseId, 130, { latitude: 39.08951234, longitude: 117.31249876 }, 3);
    h.clock.advance(3 * 60_000);
    const shotId = await upload(h, 'staff', 'evidence', 'meeting.jpg', greyJpeg(64, 48, 200));
    const shot = chained(await h.ok('staff', 'addEvidence', { caseId, fileId: shotId, kind: 'screenshot', description: '会话码' }));
    const blurred = await addScreenshot(h, caseId, 'blurred.jpg', 60);
    await h.ok('staff', 'supersedeEvidence', { caseId, seq: blurred.seq, reason: '画面模糊，已重拍' });
    const recording = await h.ok('staff', 'attachMeetingRecording', { caseId, recordFileId: 'rec-778899', meetingCode: '123456789' });
    await h.ok('supervisor', 'addObserverRemark', { caseId, text: '踏勘过程规范' });
    const remarkAt = h.clock.now().toISOString();
    h.clock.advance(10 * 60_000);
    await recordFindings(h, caseId);
    const opinion = '经远程视频踏勘，经营场所真实，同意通过。';
    const view = await decide(h, caseId, 'pass', { opinion });
    const decidedAt = view.decisions.at(-1)!.decidedAt;

    expect(jobs).toHaveLength(1);
    const input = jobs[0]!;
    expect(input).toMatchObject({
      officeName: '东丽区行政审批局', modeName: '远程视频踏勘', applicantName: '张三', handlerName: '王芳', observerNames: ['陈静'],
      acceptedAt: '2026-06-11T06:20:00.000Z', decidedAt, decision: 'passed', checklistVersion: 1,
      opinion: { text: opinion, signedAt: decidedAt },
      observerRemarks: [{ observerName: '陈静', at: remarkAt, text: '踏勘过程规范' }],
      chainHead: view.chainHead!.entryHash,
    });
    // A single decision is printed as written: no round heading, no reasons.
    expect(input.opinion.text).toBe(opinion);
    expect(input.pictures).toEqual([
      {
        evidenceSeq: first.seq, fileId: first.fileId, source: 'live', capturedAt: first.capturedAt,
        place: '纬度 39.08950，经度 117.31250（精度 ±12 米）', description: '现场照片：水箱间全景',
      },
      {
        evidenceSeq: second.seq, fileId: second.fileId, source: 'live', capturedAt: second.capturedAt,
        place: '纬度 39.08951，经度 117.31250', description: '现场照片',
      },
      { evidenceSeq: shot.seq, fileId: shotId, source: 'album', capturedAt: shot.uploadedAt, description: '会议截图：会话码' },
    ]);
    expect(first.capturedAt).not.toBe(first.uploadedAt);
    expect(input.evidence).toEqual([
      { seq: first.seq, description: '现场照片 live-120.jpg 水箱间全景', storedAt: first.uploadedAt, sha256: first.sha256 },
      { seq: second.seq, description: '现场照片 live-130.jpg', storedAt: second.uploadedAt, sha256: second.sha256 },
      { seq: shot.seq, description: '会议截图 meeting.jpg 会话码', storedAt: shot.uploadedAt, sha256: shot.sha256 },
      { seq: blurred.seq, description: '会议截图 blurred.jpg', storedAt: blurred.uploadedAt, sha256: blurred.sha256, supersededReason: '画面模糊，已重拍' },
      { seq: recording.seq, description: expect.stringMatching(/^腾讯会议云录制 /), storedAt: recording.uploadedAt, sha256: recording.sha256 },
    ]);
    expect(input.signedForms).toEqual([
      { kind: 'consent', version: 1, copy: 'office', signedAt: '2026-06-12T01:20:00.000Z', fileId: consent.officeCopy.fileId, sha256: consent.officeCopy.sha256 },
      { kind: 'consent', version: 1, copy: 'applicant', signedAt: '2026-06-12T01:05:00.000Z', fileId: consent.applicantCopy.fileId, sha256: consent.applicantCopy.sha256 },
      { kind: 'commitment', version: 1, copy: 'office', signedAt: '2026-06-12T01:10:00.000Z', fileId: commitment.officeCopy.fileId, sha256: commitment.officeCopy.sha256 },
      { kind: 'commitment', version: 1, copy: 'applicant', signedAt: '2026-06-12T01:10:00.000Z', fileId: commitment.applicantCopy.fileId, sha256: commitment.applicantCopy.sha256 },
    ]);

    // What a reader of the printed archive sees.
    const text = await archiveText(caseId);
    for (const shown of [
      '东丽区行政审批局', '行政许可事项远程视频踏勘档案', '申请人张三', '经办人（首办负责人）王芳', '观察员陈静', '受理时间2026年06月11日14:20',
      '踏勘结论通过（符合踏勘条件）', '踏勘标准第1版', '陈静（2026年06月12日09:33）：踏勘过程规范',
      '拍摄时间：2026年06月12日09:23', '拍摄地点：纬度39.08950，经度117.31250（精度±12米）', '来源：现场拍摄', '说明：现场照片：水箱间全景',
      '拍摄时间：2026年06月12日09:27', '拍摄地点：纬度39.08951，经度117.31250来源',
      '上传时间：2026年06月12日09:33', '拍摄时间、地点无法核验', '来源：相册或聊天转发', '说明：会议截图：会话码',
      '已标记作废：画面模糊，已重拍', `证据链末端哈希：${view.chainHead!.entryHash}`,
      '审批局存档联签署：2026年06月12日09:20', '申请人留存联签署：2026年06月12日09:05', '以上4份文书的原件按序附于本档案之后',
    ]) expect(text).toContain(shown);
    expect(text).toContain('图3（证据3）');
    expect(text).not.toContain(`图4`); // the superseded screenshot is listed, not pictured

    // The case keeps the archive under its number and the time it was made (China time); its timeline gives the hash to check.
    const c = await caseRecord(h, caseId);
    expect(c.archive!.fileId).toContain(`cases/${caseId}/archive/${c.number}-20260612094300-`);
    expect(c.archive).toMatchObject({ generatedAt: decidedAt, chainHead: { seq: view.chainHead!.seq, entryHash: view.chainHead!.entryHash } });
    const timeline = (await h.ok('staff', 'getCase', { caseId })).timeline;
    expect(timeline.at(-1)).toMatchObject({ action: 'archiveCase', to: 'archived', note: '档案', verification: `SHA-256 ${c.archive!.sha256}，已推送行业监管部门` });

    // The regulators of the sector: one inbox entry, a notice each.
    const { entry, notices } = await pushOf(caseId);
    expect(entry).toMatchObject({
      caseId, sectorCode: remoteMatter.sectorCode, number: c.number, matterCode: c.matterCode, matterName: c.matterName,
      companyName: c.company.name, outcome: 'pass', decidedAt, pushedAt: c.archive!.generatedAt, recipients: ['regulator', 'regulator2'],
    });
    for (const [i, to] of ['regulator', 'regulator2'].entries()) {
      expect(notices[i]).toMatchObject({
        to, event: 'casePushed', caseId, body: `${c.company.name} ${c.matterName}：踏勘通过`,
        fields: expect.objectContaining({ company: c.company.name, result: '通过' }),
      });
    }
  });
});

describe('the archive of a case decided in more than one round', () => {
  test('numbers each decision with its round and date, marks one taken after the rectification deadline and lists the reasons', async () => {
    await addSecondRegulator();
    const { caseId, rectification } = await rectifyingCase(h);
    await forceCase(h, caseId, { mode: 'onsite' });
    h.clock.set(new Date(Date.parse(rectification!.deadline) + 86_400_000).toISOString());
    const view = await decide(h, caseId, 'fail', { opinion: '整改期满仍不符合。', reasons: ['经营场所与申报地址不符', '未配备消毒设施'] });
    const [rectify, fail] = view.decisions;
    const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

    const input = jobs[0]!;
    expect(input.opinion.text).toBe(
      `【第 1 轮：限期整改，${day(rectify!.decidedAt)}】${rectify!.opinion}\n`
      + `【第 1 轮，整改期满：不通过，${day(fail!.decidedAt)}】整改期满仍不符合。 不通过理由：1. 经营场所与申报地址不符 2. 未配备消毒设施`,
    );
    expect(input).toMatchObject({
      modeName: '现场踏勘', decision: 'failed', observerNames: [], observerRemarks: [], pictures: [], evidence: [], signedForms: [],
      chainHead: '无（本案没有证据记录）',
    });

    const text = await archiveText(caseId);
    expect(text).toContain('行政许可事项现场踏勘档案');
    expect(text).toContain('踏勘结论不通过');
    expect(text).toContain(`【第1轮，整改期满：不通过，${day(fail!.decidedAt)}】整改期满仍不符合。不通过理由：1.经营场所与申报地址不符2.未配备消毒设施`);
    expect(text).toContain('证据链末端哈希：无（本案没有证据记录）');
    expect((await caseRecord(h, caseId)).archive!.chainHead).toBeNull();

    const { entry, notices } = await pushOf(caseId);
    expect(entry).toMatchObject({ outcome: 'fail', decidedAt: fail!.decidedAt, recipients: ['regulator', 'regulator2'] });
    const c = await caseRecord(h, caseId);
    for (const n of notices) expect(n).toMatchObject({ body: `${c.company.name} ${c.matterName}：踏勘不通过`, fields: expect.objectContaining({ result: '不通过' }) });
    expect(await h.ok('regulator2', 'listRegulatorInbox', {})).toMatchObject({ total: 1, items: [{ caseId, outcome: 'fail', outcomeLabel: '不通过' }] });
  });

  test('a re-checked item shows each finding in order; an item checked once shows its note and evidence', async () => {
    const { caseId } = await startedCase(h, AT_PREMISES);
    const photo = await livePhoto(caseId, 120, { latitude: 39.0895, longitude: 117.3125, accuracy: 30 }, 1);
    const shot = await addScreenshot(h, caseId);
    const items = (await inspectionOf(h, caseId)).items.map((i) => i.code);
    const save = (itemCode: string, result: 'conforming' | 'nonConforming', extra: { note?: string; evidenceSeqs?: number[] } = {}) =>
      h.ok('staff', 'saveChecklistItem', { caseId, itemCode, result, revision: 0, ...extra });
    await save(items[0]!, 'nonConforming', { note: '水箱未加锁' });
    await save(items[1]!, 'conforming', { note: '门锁完好', evidenceSeqs: [shot.seq, photo.seq] });
    await save(items[2]!, 'conforming', { evidenceSeqs: [shot.seq] });
    for (const code of items.slice(3)) await save(code, 'conforming');
    await decide(h, caseId, 'rectify', { opinion: '水箱未加锁，限期整改。' });
    await proveAll(h, caseId);
    await h.ok('applicant', 'requestReinspection', { caseId, version: (await inspectionOf(h, caseId)).version });
    await forceCase(h, caseId, { state: 'scheduled' });
    await h.ok('staff', 'startInspection', { caseId, version: (await inspectionOf(h, caseId)).version });
    await save(items[0]!, 'conforming');
    const view = await decide(h, caseId, 'pass', { opinion: '已整改，同意通过。' });

    const input = jobs[0]!;
    const noteOf = (code: string) => input.checklist.find((i) => i.code === code);
    expect(noteOf(items[0]!)).toMatchObject({ result: 'conforming', note: '首次：不符合（水箱未加锁）；第 2 次复查：符合' });
    expect(noteOf(items[1]!)).toMatchObject({ result: 'conforming', note: `门锁完好；证据 ${photo.seq}、${shot.seq}` });
    expect(noteOf(items[2]!)).toMatchObject({ result: 'conforming', note: `证据 ${shot.seq}` });
    expect(noteOf(items[3]!)).toEqual({ code: items[3], title: expect.any(String), result: 'conforming' });
    const [first, second] = view.decisions;
    expect(input.opinion.text).toMatch(/^【第 1 轮：限期整改，\d{4}-\d{2}-\d{2}】水箱未加锁，限期整改。\n【第 2 轮：通过，\d{4}-\d{2}-\d{2}】已整改，同意通过。$/);
    expect(first!.round).toBe(1);
    expect(second!.round).toBe(2);
    // The proof is a picture from the album.
    expect(input.pictures.map((p) => [p.evidenceSeq, p.source])).toEqual([[photo.seq, 'live'], [shot.seq, 'album'], [3, 'album']]);

    const text = await archiveText(caseId);
    expect(text).toContain('首次：不符合（水箱未加锁）；第2次复查：符合');
    expect(text).toContain(`门锁完好；证据${photo.seq}、${shot.seq}`);
  });
});
