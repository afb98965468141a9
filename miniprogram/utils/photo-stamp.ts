import type { DeviceLocation } from '../../typings/models';
import { ApiError } from '../services/transport/transport';
import { formatChinaTime } from './china-time';

// A live photo carries its case number, capture time (China time) and place drawn on the picture itself (R4), so a
// print of it still says when and where it was taken. Drawn on an offscreen 2D canvas, exported as JPEG.
// https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.createOffscreenCanvas.html

/** The long side of the stamped picture: ample for a record, and a phone's memory copes with it. */
const MAX_SIDE = 2048;

/** The lines stamped on a live photo. */
export function stampLines(caseNumber: string, capturedAt: string, location: DeviceLocation, modeName = '远程视频踏勘'): string[] {
  const lat = `${location.latitude >= 0 ? '北纬' : '南纬'}${Math.abs(location.latitude).toFixed(5)}°`;
  const lng = `${location.longitude >= 0 ? '东经' : '西经'}${Math.abs(location.longitude).toFixed(5)}°`;
  return [
    `办件编号：${caseNumber}`,
    `拍摄时间：${formatChinaTime(capturedAt, true)}（北京时间）`,
    `拍摄地点：${lat} ${lng}${location.accuracy !== undefined ? `（精度±${location.accuracy}米）` : ''}`,
    `${modeName} · 小程序内现场拍摄`,
  ];
}

const unreadable = () => new ApiError('INTERNAL', '照片读取失败，请重新拍摄');

function imageSize(src: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    // https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.getImageInfo.html
    wx.getImageInfo({ src, success: (res) => resolve({ width: res.width, height: res.height }), fail: () => reject(unreadable()) });
  });
}

/** The 2D context calls the stamp makes. */
interface Context2D {
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  fillStyle: string;
  font: string;
  textBaseline: string;
}

/** Some iOS versions refuse to export an offscreen canvas with canvasToTempFilePath; its data URL written to a file does. */
function exportJpeg(canvas: WechatMiniprogram.OffscreenCanvas, width: number, height: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const failed = () => reject(new ApiError('INTERNAL', '照片加盖水印失败，请重新拍摄'));
    const writeDataUrl = () => {
      const toDataURL = (canvas as unknown as { toDataURL?: (type: string, quality: number) => string }).toDataURL;
      if (!toDataURL) return failed();
      const filePath = `${wx.env.USER_DATA_PATH}/live-${Date.now()}.jpg`;
      wx.getFileSystemManager().writeFile({
        filePath,
        data: toDataURL.call(canvas, 'image/jpeg', 0.9).replace(/^data:image\/\w+;base64,/, ''),
        encoding: 'base64',
        success: () => resolve(filePath),
        fail: failed,
      });
    };
    // https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.canvasToTempFilePath.html
    wx.canvasToTempFilePath({
      canvas, fileType: 'jpg', quality: 0.9, destWidth: width, destHeight: height,
      success: (res) => resolve(res.tempFilePath),
      fail: writeDataUrl,
    } as WechatMiniprogram.CanvasToTempFilePathOption);
  });
}

/** Draws the lines on a dark band across the bottom of the photo; resolves with the stamped JPEG's temp path. */
export async function stampPhoto(photoPath: string, lines: string[]): Promise<string> {
  const size = await imageSize(photoPath);
  const scale = Math.min(1, MAX_SIDE / Math.max(size.width, size.height));
  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  // Sized once, before drawing: a canvas resized after creation exports unpredictably.
  const canvas = wx.createOffscreenCanvas({ type: '2d', width, height });
  const ctx = canvas.getContext('2d') as Context2D;
  const image = canvas.createImage();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(unreadable());
    image.src = photoPath;
  });
  ctx.drawImage(image, 0, 0, width, height);

  const fontSize = Math.max(20, Math.round(Math.min(width, height) / 30));
  const lineHeight = Math.round(fontSize * 1.45);
  const padding = Math.round(fontSize * 0.8);
  const top = height - (lines.length * lineHeight + padding * 2);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.6)';
  ctx.fillRect(0, top, width, height - top);
  ctx.fillStyle = '#FFFFFF';
  ctx.font = `${fontSize}px sans-serif`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, padding, top + padding + i * lineHeight, width - padding * 2));
  return exportJpeg(canvas, width, height);
}
