import qrcode from 'qrcode-generator';

/**
 * The receipt's QR code for a claim link, as a GIF data URL the Mini Program's <image> shows and a printer prints.
 * Error correction M survives a creased receipt; 6-pixel modules with the standard 4-module quiet zone.
 */
export function claimQrDataUrl(link: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(link, 'Byte');
  qr.make();
  // The margin is in pixels: four modules of six.
  return qr.createDataURL(6, 24);
}
