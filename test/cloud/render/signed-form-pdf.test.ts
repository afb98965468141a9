import {
  COMMITMENT_FORM_V1,
  CONSENT_FORM_V1,
  DEFAULT_FORM_TEMPLATES,
  FormValues,
  MissingFormValueError,
  fillTemplate,
} from '../../../cloudfunctions/src/catalogue/form-templates';
import { loadChineseFont } from '../../../cloudfunctions/src/render/font';
import type { RenderedPdf } from '../../../cloudfunctions/src/render/pdf-flow';
import { SignedFormInput, renderSignedForm } from '../../../cloudfunctions/src/render/signed-form-pdf';
import { signaturePng } from '../../support/images';
import { misdrawnCharacters } from '../../support/pdf-fonts';
import { pdfText, squeeze } from '../../support/pdf-text';

const fontBytes = loadChineseFont();

const values: FormValues = {
  officeName: '东丽区行政审批局',
  district: '天津市东丽区',
  companyName: '天津市东丽区清源二次供水服务有限公司',
  creditCode: '91120110MA06XXXX1K',
  applicantName: '张三',
  matterName: '二次供水单位卫生许可',
  premisesAddress: '天津市东丽区津塘公路十一经路口东丽湖科技园3号楼201室',
  caseNumber: 'DL-20260612-0007',
};

const consentInput = (overrides: Partial<SignedFormInput> = {}): SignedFormInput => ({
  template: CONSENT_FORM_V1,
  values,
  signaturePng: signaturePng(),
  signedAt: new Date('2026-06-12T01:30:00Z'), // 09:30 in Tianjin; the suite runs in UTC
  copy: 'applicant',
  fontBytes,
  ...overrides,
});

describe('fillTemplate', () => {
  it('fills every placeholder of both shipped forms', () => {
    for (const template of DEFAULT_FORM_TEMPLATES) {
      const form = fillTemplate(template, values);
      const text = [form.title, ...form.paragraphs].join('');
      expect(text).not.toContain('{{');
      expect(text).toContain(values.premisesAddress);
      expect(form.paragraphs.length).toBeGreaterThanOrEqual(6);
      expect(form.paragraphs.length).toBeLessThanOrEqual(10);
    }
  });

  it('titles the consent form after the configured office, as attachment 1 names it', () => {
    expect(fillTemplate(CONSENT_FORM_V1, values).title).toBe('东丽区行政审批局行政许可事项远程视频踏勘同意书');
    expect(fillTemplate(COMMITMENT_FORM_V1, values).title).toBe('住所（经营场所）告知承诺书');
  });

  it('refuses a placeholder without a value, naming every missing one', () => {
    const { creditCode: _, ...withoutCode } = values;
    expect(() => fillTemplate(CONSENT_FORM_V1, { ...withoutCode, matterName: '  ' })).toThrow(MissingFormValueError);
    try {
      fillTemplate(CONSENT_FORM_V1, { ...withoutCode, matterName: '  ' });
    } catch (error) {
      expect((error as MissingFormValueError).missing).toEqual(['creditCode', 'matterName']);
      expect((error as Error).message).toBe('表单缺少以下填写内容：creditCode、matterName');
    }
  });

  it('refuses a placeholder an edited template introduces that the case cannot fill', () => {
    const edited = { ...COMMITMENT_FORM_V1, version: 2, paragraphs: ['法定代表人：{{legalRepresentative}}'] };
    expect(() => fillTemplate(edited, values)).toThrow(MissingFormValueError);
  });

  it('prints a value that looks like a placeholder literally instead of expanding it', () => {
    const form = fillTemplate(CONSENT_FORM_V1, { ...values, applicantName: '{{caseNumber}}' });
    expect(form.paragraphs[0]).toContain('申请人{{caseNumber}}代表');
  });
});

describe('renderSignedForm', () => {
  let consent: RenderedPdf;
  let pages: string[];

  beforeAll(async () => {
    consent = await renderSignedForm(consentInput({ countersignPng: signaturePng() }));
    pages = pdfText(consent.bytes).split('\f');
  });

  it('holds the form text, the applicant and the facts block as real text', () => {
    const text = squeeze(pages.join(''));
    const form = fillTemplate(CONSENT_FORM_V1, values);
    for (const paragraph of [form.title, ...form.paragraphs]) expect(text).toContain(squeeze(paragraph));
    expect(text).toContain('申请人张三');
    expect(text).toContain('案件编号DL-20260612-0007');
    expect(text).toContain('统一社会信用代码91120110MA06XXXX1K');
    expect(text).toContain('签署时间2026年06月12日09:30');
    expect(text).toContain('表单版本远程视频踏勘同意书第1版');
    expect(text).toContain('申请人（签字）：');
    expect(text).toContain('审批局经办人（签字）：');
    expect(consent.unsupportedCharacters).toEqual([]);
  });

  it('marks the copy and the case number on every page, and numbers the pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(1);
    pages.forEach((page, i) => {
      const text = squeeze(page);
      expect(text).toContain('案件编号：DL-20260612-0007');
      expect(text).toContain('申请人留存联');
      expect(text).toContain(`第${i + 1}页共${pages.length}页`);
    });
  });

  it('labels the office copy 审批局存档联', async () => {
    const office = await renderSignedForm(consentInput({ copy: 'office' }));
    expect(squeeze(pdfText(office.bytes))).toContain('审批局存档联');
  });

  it('gives the same bytes for the same input, so the recorded SHA-256 can be reproduced', async () => {
    const again = await renderSignedForm(consentInput({ countersignPng: signaturePng() }));
    expect(Buffer.from(again.bytes).equals(Buffer.from(consent.bytes))).toBe(true);
  });

  it('prints a character the font lacks as □ and reports it', async () => {
    const rare = await renderSignedForm(
      consentInput({ template: COMMITMENT_FORM_V1, values: { ...values, applicantName: '张𠀀' } }),
    );
    expect(rare.unsupportedCharacters).toEqual(['𠀀']);
    const text = squeeze(pdfText(rare.bytes));
    expect(text).toContain('申请人张□代表');
    expect(text).not.toContain('𠀀');
  });

  it('draws every character with the font’s own outline (pdf-lib’s subsets can silently garble glyphs)', async () => {
    // The commitment letter's subset is small enough for the short loca format, where the garbling happened.
    const commitment = await renderSignedForm(consentInput({ template: COMMITMENT_FORM_V1 }));
    expect(await misdrawnCharacters(commitment.bytes, fontBytes)).toEqual([]);
    expect(await misdrawnCharacters(consent.bytes, fontBytes)).toEqual([]);
  });

  it('refuses to render a form with a missing value', async () => {
    await expect(renderSignedForm(consentInput({ values: { ...values, companyName: '' } }))).rejects.toThrow(
      MissingFormValueError,
    );
  });
});
