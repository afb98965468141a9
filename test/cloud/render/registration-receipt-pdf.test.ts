import { inflateSync } from 'node:zlib';
import qrcode from 'qrcode-generator';
import { loadChineseFont } from '../../../cloudfunctions/src/render/font';
import { type ReceiptInput, renderRegistrationReceipt } from '../../../cloudfunctions/src/render/registration-receipt-pdf';
import { pdfText, squeeze } from '../../support/pdf-text';

const fontBytes = loadChineseFont();
const LINK = 'https://zwfw.example.gov.cn/rvi/claim?code=ABCD2345';
const receipt: ReceiptInput = {
  caseNumber: 'DL-20260612-0009', matterName: '二次供水单位卫生许可', companyName: '天津东丽清源供水有限公司', channelLabel: '窗口收件',
  receivedAt: '2026-06-12T01:30:00.000Z', officeName: '东丽区行政审批局', claimCode: 'ABCD-2345', claimExpiresAt: '2026-06-26T01:30:00.000Z',
};

/** The page's drawing operators, from every Flate stream of the file. */
function contentOperators(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  let text = '';
  for (let at = raw.indexOf('stream\n'); at >= 0; at = raw.indexOf('stream\n', at + 1)) {
    const end = raw.indexOf('endstream', at);
    try {
      text += inflateSync(raw.subarray(at + 7, end)).toString('latin1');
    } catch {
      // not a Flate stream (the font's, or an uncompressed one): no drawing operators of interest
    }
  }
  return text;
}

test('the receipt prints the case, the claim code, its expiry in China time and how to claim', async () => {
  const text = squeeze(pdfText((await renderRegistrationReceipt(receipt, fontBytes)).bytes));
  for (const expected of ['收件回执', 'DL-20260612-0009', 'ABCD-2345', '天津东丽清源供水有限公司', '2026年06月12日09:30', '2026年06月26日09:30', '我的→认领办件', '东丽区行政审批局']) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('二维码');
});

test('with a claim link, the QR code is drawn module by module as the library encodes the link', async () => {
  const { bytes } = await renderRegistrationReceipt({ ...receipt, claimLink: LINK }, fontBytes);
  expect(squeeze(pdfText(bytes))).toContain('请用微信扫描下方二维码');
  const qr = qrcode(0, 'M');
  qr.addData(LINK, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const moduleSize = 150 / (count + 8);
  // pdf-lib draws each rectangle as a path moved to its corner: `1 0 0 1 x y cm … 0 0 m 0 h l w h l w 0 l h f`.
  const rects = [...contentOperators(bytes).matchAll(/1 0 0 1 ([\d.-]+) ([\d.-]+) cm\n(?:1 0 0 1 0 0 cm\n)*0 0 m\n0 ([\d.]+) l\n([\d.]+) [\d.]+ l\n[^]*?\n(f|B|S)\n/g)]
    .filter((m) => m[5] === 'f')
    .map((m) => [Number(m[1]), Number(m[2]), Number(m[4]), Number(m[3])] as [number, number, number, number])
    .filter(([, , , h]) => Math.abs(h - moduleSize) < 1e-2);
  expect(rects.length).toBeGreaterThan(count);
  const left = Math.min(...rects.map(([x]) => x));
  const top = Math.max(...rects.map(([, y]) => y + moduleSize));
  const drawn = Array.from({ length: count }, () => Array<boolean>(count).fill(false));
  for (const [x, y, w] of rects) {
    const row = Math.round((top - y) / moduleSize) - 1;
    const first = Math.round((x - left) / moduleSize);
    for (let c = first; c < first + Math.round(w / moduleSize); c++) drawn[row]![c] = true;
  }
  const expected = Array.from({ length: count }, (_, r) => Array.from({ length: count }, (_, c) => qr.isDark(r, c)));
  expect(drawn).toEqual(expected);
});
