import qrcode from 'qrcode-generator';
import { formatChina } from '../domain/china-time';
import type { RegistrationReceiptJob } from '../ports/pdf';
import { MUTED, PdfFlow, type RenderedPdf } from './pdf-flow';

export type ReceiptInput = RegistrationReceiptJob['receipt'];

const BODY_SIZE = 12;
const QR_SIZE = 150;

/**
 * The receipt of a counter or e-mail registration as an A4 PDF: what was received, when and by which office, and
 * the claim code with how to claim the case in WeChat (我的 → 认领办件), with the claim link's QR code when one is
 * configured. The same input gives the same bytes.
 */
export async function renderRegistrationReceipt(receipt: ReceiptInput, fontBytes: Uint8Array): Promise<RenderedPdf> {
  const at = new Date(receipt.reissuedAt ?? receipt.receivedAt);
  const flow = await PdfFlow.open(fontBytes, { title: '收件回执', author: receipt.officeName, subject: receipt.caseNumber, date: at });
  flow.moveDown(8);
  flow.paragraph('收件回执', { size: 18, leading: 1.5, align: 'center' });
  flow.paragraph(receipt.officeName, { size: BODY_SIZE, align: 'center', color: MUTED });
  flow.moveDown(14);
  flow.table([{ width: 120 }, { width: flow.contentWidth - 120 }], [
    ['案件编号', receipt.caseNumber],
    ['申请事项', receipt.matterName],
    ['企业名称', receipt.companyName],
    ['收件方式', receipt.channelLabel],
    ['收件时间', formatChina(receipt.receivedAt, 'YYYY年MM月DD日 HH:mm')],
    ['受理机关', receipt.officeName],
    ['认领码', receipt.claimCode],
    ['认领码有效期至', formatChina(receipt.claimExpiresAt, 'YYYY年MM月DD日 HH:mm')],
    ...(receipt.reissuedAt ? [['补发时间', `${formatChina(receipt.reissuedAt, 'YYYY年MM月DD日 HH:mm')}（此前的认领码已作废）`]] : []),
  ], { labelColumn: true });
  flow.heading('如何认领办件');
  flow.paragraph(
    receipt.claimLink
      ? '请用微信扫描下方二维码，或打开本小程序，点击“我的 → 认领办件”，输入上方认领码。认领后即可在小程序中查看办理进度、签署表单和参加视频踏勘。'
      : '请打开本小程序，点击“我的 → 认领办件”，输入上方认领码。认领后即可在小程序中查看办理进度、签署表单和参加视频踏勘。',
    { size: BODY_SIZE, indent: 2 * BODY_SIZE },
  );
  flow.paragraph('认领码只能使用一次，请妥善保管，不要告诉他人。遗失或过期的，请联系窗口补发。', { size: BODY_SIZE, indent: 2 * BODY_SIZE, color: MUTED });
  if (receipt.claimLink) {
    const qr = qrcode(0, 'M');
    qr.addData(receipt.claimLink, 'Byte');
    qr.make();
    // The standard quiet zone of four modules on each side is left blank around the code.
    const count = qr.getModuleCount();
    const moduleSize = QR_SIZE / (count + 8);
    flow.moveDown(12);
    flow.ensure(QR_SIZE);
    flow.squareGrid(count, (row, column) => qr.isDark(row, column), flow.left + (flow.contentWidth - QR_SIZE) / 2 + 4 * moduleSize, flow.y - 4 * moduleSize, moduleSize);
    flow.moveDown(QR_SIZE);
  }
  return flow.finish({ left: `案件编号：${receipt.caseNumber}`, right: '收件回执' });
}
