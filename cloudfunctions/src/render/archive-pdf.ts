import type { PDFImage } from 'pdf-lib';
import type { Company } from '../../../typings/models';
import { FORM_NAMES, FormKind } from '../catalogue/form-templates';
import { formatChina } from '../domain/china-time';
import { MUTED, PdfFlow, RenderedPdf, SIGNATURE_LINE_HEIGHT } from './pdf-flow';
import { COPY_LABELS, FormCopy } from './copy-labels';

/** Finding for one checklist item 核查项目. */
export type ItemResult = 'conforming' | 'nonConforming' | 'notApplicable';

export type InspectionDecision = 'passed' | 'rectifying' | 'failed';

/** Where a picture came from: the Mini Program's camera during the meeting, or the album / a chat (R4, R13). */
export type PictureSource = 'live' | 'album';

export interface ArchiveChecklistItem {
  code: string;
  title: string;
  result: ItemResult;
  note?: string;
}

export interface ArchiveObserverRemark {
  observerName: string;
  at: Date;
  text: string;
}

export interface ArchivePicture {
  /** The picture's entry in the evidence list. */
  evidenceSeq: number;
  /** JPEG or PNG bytes as stored. */
  bytes: Uint8Array;
  source: PictureSource;
  /** 'live': the capture time stamped in the Mini Program; 'album': when the cloud received the file. */
  capturedAt: Date;
  /** Where a live picture was taken (address or coordinates); album files have no trustworthy place. */
  place?: string;
  description?: string;
}

export interface ArchiveEvidence {
  /** Position in the case's hash chain, from 1. */
  seq: number;
  /** What the file is, as staff see it, e.g. '现场截图 IMG_0412.jpg' or '会议录像'. */
  description: string;
  storedAt: Date;
  /** SHA-256 of the stored bytes, computed by the cloud (lowercase hex). */
  sha256: string;
  /** Evidence is never deleted after the decision; a superseded file stays listed with the reason. */
  supersededReason?: string;
}

export interface ArchiveSignedForm {
  kind: FormKind;
  version: number;
  copy: FormCopy;
  signedAt: Date;
  /** SHA-256 of the signed PDF as stored. */
  sha256: string;
}

/** Everything the printable inspection archive 踏勘档案 shows (R13); the caller loads it, the renderer only draws. */
export interface ArchiveInput {
  officeName: string;
  /** How the case was inspected: the title reads 远程视频踏勘档案 or 现场踏勘档案 (absent: remote). */
  modeName?: string;
  caseNumber: string;
  matterName: string;
  company: Company;
  premisesAddress: string;
  applicantName: string;
  /** The first handler 首办负责人 (R18). */
  handlerName: string;
  observerNames: string[];
  acceptedAt: Date;
  decidedAt: Date;
  decision: InspectionDecision;
  checklistVersion: number;
  checklist: ArchiveChecklistItem[];
  opinion: { text: string; signaturePng: Uint8Array; signedAt: Date };
  observerRemarks: ArchiveObserverRemark[];
  pictures: ArchivePicture[];
  evidence: ArchiveEvidence[];
  /** Hash at the end of the case's evidence chain. */
  chainHead: string;
  signedForms: ArchiveSignedForm[];
  /** Printed on the archive and used as the PDF's date, so the same input gives the same bytes. */
  generatedAt: Date;
}

export const ITEM_RESULT_LABELS: Record<ItemResult, string> = {
  conforming: '符合',
  nonConforming: '不符合',
  notApplicable: '不适用',
};

export const DECISION_LABELS: Record<InspectionDecision, string> = {
  passed: '通过（符合踏勘条件）',
  rectifying: '限期整改',
  failed: '不通过',
};

export const PICTURE_SOURCE_LABELS: Record<PictureSource, string> = {
  live: '现场拍摄',
  album: '相册或聊天转发',
};

const when = (date: Date): string => formatChina(date, 'YYYY年MM月DD日 HH:mm');
const BODY_SIZE = 11;
const BODY_LINE = BODY_SIZE * 1.7; // PdfFlow.paragraph's default leading
const CAPTION_SIZE = 9;
/** Hash tables print at 8 pt so a 64-digit SHA-256 fits on one line of its column. */
const HASH_TABLE_SIZE = 8;
const PICTURE_HEIGHT = 240;

/**
 * The printable inspection archive: case facts, record, opinion, remarks, pictures and the evidence hashes; the
 * signed forms' own PDFs (`signedFormPdfs`, in the order of `input.signedForms`) follow as appended pages.
 */
export async function renderInspectionArchive(input: ArchiveInput, fontBytes: Uint8Array, signedFormPdfs: readonly Uint8Array[] = []): Promise<RenderedPdf> {
  const flow = await PdfFlow.open(fontBytes, {
    title: `${input.modeName ?? '远程视频踏勘'}档案 ${input.caseNumber}`,
    author: input.officeName,
    subject: `${input.matterName} ${input.company.name}`,
    date: input.generatedAt,
  });
  // Embedded one after the other so that object numbers, and with them the bytes, never depend on timing.
  const handlerSignature = await flow.embedImage(input.opinion.signaturePng);
  const pictures: PDFImage[] = [];
  for (const picture of input.pictures) pictures.push(await flow.embedImage(picture.bytes));

  flow.moveDown(4);
  flow.paragraph(input.officeName, { size: 12, align: 'center', color: MUTED });
  flow.paragraph(`行政许可事项${input.modeName ?? '远程视频踏勘'}档案`, { size: 18, leading: 1.5, align: 'center' });
  flow.moveDown(6);

  flow.heading('一、案件基本情况');
  const labelWidth = 120;
  flow.table(
    [{ width: labelWidth }, { width: flow.contentWidth - labelWidth }],
    [
      ['案件编号', input.caseNumber],
      ['事项名称', input.matterName],
      ['企业名称', input.company.name],
      ['统一社会信用代码', input.company.creditCode],
      ['经营场所', input.premisesAddress],
      ['申请人', input.applicantName],
      ['经办人（首办负责人）', input.handlerName],
      ['观察员', input.observerNames.length > 0 ? input.observerNames.join('、') : '无'],
      ['受理时间', when(input.acceptedAt)],
      ['决定时间', when(input.decidedAt)],
      ['踏勘结论', DECISION_LABELS[input.decision]],
      ['踏勘标准', `第 ${input.checklistVersion} 版`],
    ],
    { labelColumn: true },
  );

  flow.heading('二、现场核查记录');
  flow.table(
    [
      { width: 34, align: 'center' },
      { width: 190 },
      { width: 54, align: 'center' },
      { width: flow.contentWidth - 278 },
    ],
    input.checklist.map((item, i) => [
      String(i + 1),
      `${item.title}（${item.code}）`,
      ITEM_RESULT_LABELS[item.result],
      item.note ?? '',
    ]),
    { header: ['序号', '核查项目', '结果', '说明'] },
  );

  // The opinion and the signature under it stay on one page when they can.
  const opinionHeight = flow.wrap(input.opinion.text, BODY_SIZE, flow.contentWidth, 2 * BODY_SIZE).length * BODY_LINE;
  flow.heading('三、核查意见', Math.min(opinionHeight + 8 + SIGNATURE_LINE_HEIGHT + BODY_LINE, 400));
  flow.paragraph(input.opinion.text, { size: BODY_SIZE, indent: 2 * BODY_SIZE });
  flow.moveDown(8);
  const signatureX = flow.left + flow.contentWidth * 0.45;
  flow.signature('经办人（签字）：', handlerSignature, signatureX, BODY_SIZE);
  flow.paragraph(`签署时间：${when(input.opinion.signedAt)}`, { size: BODY_SIZE, indent: signatureX - flow.left });

  flow.heading('四、观察员意见');
  if (input.observerRemarks.length === 0) flow.paragraph('无。', { size: BODY_SIZE });
  for (const remark of input.observerRemarks) {
    flow.paragraph(`${remark.observerName}（${when(remark.at)}）：${remark.text}`, { size: BODY_SIZE });
  }

  flow.heading('五、踏勘图片', PICTURE_HEIGHT + 60);
  if (input.pictures.length === 0) flow.paragraph('无。', { size: BODY_SIZE });
  drawPictures(flow, input.pictures, pictures);

  flow.heading('六、证据清单');
  const hashColumns = [{ width: 32, align: 'center' as const }, { width: 150 }, { width: flow.contentWidth - 182 }];
  flow.table(
    hashColumns,
    input.evidence.map((item) => [
      String(item.seq),
      [
        item.description,
        `存储：${formatChina(item.storedAt, 'YYYY-MM-DD HH:mm')}`,
        ...(item.supersededReason ? [`已标记作废：${item.supersededReason}`] : []),
      ].join('\n'),
      item.sha256,
    ]),
    { header: ['序号', '证据', 'SHA-256'], size: HASH_TABLE_SIZE },
  );
  flow.moveDown(6);
  flow.paragraph(`证据链末端哈希：${input.chainHead}`, { size: 9 });
  flow.paragraph('每份证据的哈希依次与前一环相链，任何事后修改或删除都会使末端哈希不符。', { size: 9, color: MUTED });

  flow.heading('七、签署文书');
  flow.table(
    hashColumns,
    input.signedForms.map((form, i) => [
      String(i + 1),
      [`${FORM_NAMES[form.kind]}（第 ${form.version} 版）`, COPY_LABELS[form.copy], `签署：${when(form.signedAt)}`].join('\n'),
      form.sha256,
    ]),
    { header: ['序号', '文书', 'SHA-256'], size: HASH_TABLE_SIZE },
  );
  if (signedFormPdfs.length) {
    flow.moveDown(6);
    flow.paragraph(`以上 ${signedFormPdfs.length} 份文书的原件按序附于本档案之后，每份的 SHA-256 见上表。`, { size: 9, color: MUTED });
  }
  flow.moveDown(10);
  flow.paragraph(`本档案由系统于 ${when(input.generatedAt)} 生成。`, { size: 9, color: MUTED });

  return flow.finish({ left: `${input.officeName} ${input.modeName ?? '远程视频踏勘'}档案`, right: `案件编号：${input.caseNumber}` }, signedFormPdfs);
}

/** Two pictures a row, each scaled into its box with a caption under it (R13: pictures printed with the file). */
function drawPictures(flow: PdfFlow, pictures: ArchivePicture[], images: PDFImage[]): void {
  const gap = 16;
  const box = { width: (flow.contentWidth - gap) / 2, height: PICTURE_HEIGHT };
  const lineHeight = CAPTION_SIZE * 1.45;
  for (let first = 0; first < pictures.length; first += 2) {
    const row = pictures.slice(first, first + 2);
    const captions = row.map((picture, k) => flow.wrap(caption(picture, first + k + 1), CAPTION_SIZE, box.width));
    const height = box.height + 6 + Math.max(...captions.map((lines) => lines.length)) * lineHeight;
    flow.ensure(height);
    const top = flow.y;
    row.forEach((_, k) => {
      const x = flow.left + k * (box.width + gap);
      flow.drawImage(images[first + k], x, top, { ...box, anchor: 'top-centre' });
      captions[k].forEach((line, j) => {
        const lineTop = top - box.height - 6 - j * lineHeight;
        flow.drawText(line, x, flow.baselineIn(lineTop, lineHeight, CAPTION_SIZE), CAPTION_SIZE);
      });
    });
    flow.moveDown(height + 12);
  }
}

function caption(picture: ArchivePicture, number: number): string {
  const live = picture.source === 'live';
  return [
    `图 ${number}（证据 ${picture.evidenceSeq}）`,
    `${live ? '拍摄时间' : '上传时间'}：${when(picture.capturedAt)}`,
    live ? `拍摄地点：${picture.place ?? '未记录'}` : '拍摄时间、地点无法核验',
    `来源：${PICTURE_SOURCE_LABELS[picture.source]}`,
    ...(picture.description ? [`说明：${picture.description}`] : []),
  ].join('\n');
}
