import type { PDFImage } from 'pdf-lib';
import { FORM_NAMES, FormTemplate, FormValues, fillTemplate } from '../catalogue/form-templates';
import { formatChina } from '../domain/china-time';
import { PdfFlow, RenderedPdf, SIGNATURE_LINE_HEIGHT } from './pdf-flow';

import { COPY_LABELS, type FormCopy } from './copy-labels';

export { COPY_LABELS, type FormCopy };

export interface SignedFormInput {
  template: FormTemplate;
  values: FormValues;
  /** The applicant's handwritten signature from the phone's canvas. */
  signaturePng: Uint8Array;
  signedAt: Date;
  copy: FormCopy;
  /** The handler's countersignature, when the office signs its side too. */
  countersignPng?: Uint8Array;
  /** Noto Sans SC TrueType bytes (see loadChineseFont). */
  fontBytes: Uint8Array;
}

const SIGNER_LABELS: Record<FormTemplate['kind'], string> = {
  consent: '申请人（签字）：',
  commitment: '承诺人（签字）：',
};
const COUNTERSIGN_LABEL = '审批局经办人（签字）：';

const BODY_SIZE = 12;
const LINE_HEIGHT = BODY_SIZE * 1.7;

/**
 * The signed consent form or commitment letter as an A4 PDF with real (extractable) Chinese text.
 * The same input gives the same bytes, so the recorded SHA-256 can be reproduced.
 */
export async function renderSignedForm(input: SignedFormInput): Promise<RenderedPdf> {
  const form = fillTemplate(input.template, input.values);
  const { values } = input;
  const flow = await PdfFlow.open(input.fontBytes, {
    title: form.title,
    author: values.officeName,
    subject: `${values.caseNumber} ${COPY_LABELS[input.copy]}`,
    date: input.signedAt,
  });
  const signatures: [string, PDFImage][] = [[SIGNER_LABELS[form.kind], await flow.embedImage(input.signaturePng)]];
  if (input.countersignPng) signatures.push([COUNTERSIGN_LABEL, await flow.embedImage(input.countersignPng)]);

  flow.moveDown(8);
  flow.paragraph(form.title, { size: 18, leading: 1.5, align: 'center' });
  flow.moveDown(14);
  for (const paragraph of form.paragraphs) {
    flow.paragraph(paragraph, { size: BODY_SIZE, indent: 2 * BODY_SIZE });
  }

  const facts = {
    columns: [{ width: 120 }, { width: flow.contentWidth - 120 }],
    rows: [
      ['案件编号', values.caseNumber],
      ['申请人', values.applicantName],
      ['企业名称', values.companyName],
      ['统一社会信用代码', values.creditCode],
      ['签署时间', formatChina(input.signedAt, 'YYYY年MM月DD日 HH:mm')],
      ['表单版本', `${FORM_NAMES[form.kind]} 第 ${form.version} 版`],
    ],
    options: { labelColumn: true },
  };
  const signatureBlockHeight = signatures.length * SIGNATURE_LINE_HEIGHT + LINE_HEIGHT;
  // Facts and signatures stay on one page: a signature alone on a page would not show what was signed.
  flow.moveDown(14);
  flow.ensure(flow.tableHeight(facts.columns, facts.rows, facts.options) + 18 + signatureBlockHeight);
  flow.table(facts.columns, facts.rows, facts.options);
  flow.moveDown(18);

  // Signatures sit in the right half of the page, as on a paper form.
  const x = flow.left + flow.contentWidth * 0.4;
  for (const [label, image] of signatures) flow.signature(label, image, x, BODY_SIZE);
  const date = `日期：${formatChina(input.signedAt, 'YYYY年MM月DD日')}`;
  flow.drawText(date, x, flow.baselineIn(flow.y, LINE_HEIGHT, BODY_SIZE), BODY_SIZE);

  return flow.finish({ left: `案件编号：${values.caseNumber}`, right: COPY_LABELS[input.copy] });
}
