import fontkit from '@pdf-lib/fontkit';
import { CONSENT_FORM_V1, fillTemplate } from '../../../cloudfunctions/src/catalogue/form-templates';
import { loadChineseFont } from '../../../cloudfunctions/src/render/font';
import { fixedFontkit } from '../../../cloudfunctions/src/render/fontkit-fixed';

// The renderers' fontkit skips glyph positioning, which pdf-lib never reads: its layouts must still choose the same
// glyphs with the same advance widths as fontkit's own (what pdf-lib encodes and measures text with).

const bytes = loadChineseFont();
const form = fillTemplate(CONSENT_FORM_V1, {
  officeName: '东丽区行政审批局', district: '天津市东丽区', companyName: '天津市东丽区清源二次供水服务有限公司', creditCode: '91120110MA06XXXX1K',
  applicantName: '张三', matterName: '二次供水单位卫生许可', premisesAddress: '天津市东丽区津塘公路十一经路口3号楼201室', caseNumber: 'DL-20260612-0007',
});
const TEXTS = [
  form.title, ...form.paragraphs,
  'AVATAR WAVE Toyota fi fl ffi', // kerning pairs and ligatures
  'DL-20260612-0007 TK-2026-0001', // Noto Sans SC's shorter digits beside capitals (contextual alternates)
  '第 1 页 共 2 页 2026年11月02日 10:00 ①②③ □ —— “引号”《书名》',
  'e\u0301 a\u0308 \u200b\u00ad', // combining marks, default-ignorable characters
];

test('lays out every text with the same glyphs and advance widths as fontkit, positions aside', () => {
  const plain = fontkit.create(bytes);
  const fixed = fixedFontkit.create(bytes);
  let glyphs = 0;
  for (const text of TEXTS) {
    const expected = plain.layout(text);
    const actual = fixed.layout(text);
    expect(actual.glyphs.map((g) => [g.id, g.advanceWidth])).toEqual(expected.glyphs.map((g) => [g.id, g.advanceWidth]));
    expect(actual.positions.map((p) => p.xAdvance)).toEqual(actual.glyphs.map((g) => g.advanceWidth));
    glyphs += actual.glyphs.length;
  }
  expect(glyphs).toBeGreaterThan(800);
  // The positioning skipped is real work: kerning moves glyphs in fontkit's own layout of the Latin line.
  const kerned = plain.layout('AVATAR WAVE');
  expect(kerned.positions.some((p, i) => p.xAdvance !== kerned.glyphs[i]!.advanceWidth)).toBe(true);
});
