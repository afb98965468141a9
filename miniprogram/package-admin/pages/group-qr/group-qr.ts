import type { SectionGroupQr } from '../../../../typings/api';
import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import { listSectionGroupQrs } from '../../../services/admin/list-section-group-qrs';
import { setSectionGroupQr } from '../../../services/group/set-section-group-qr';
import { uploadGroupQr } from '../../../services/group/upload-group-qr';
import { formatChinaTime } from '../../../utils/china-time';
import { errorText } from '../../../utils/format';

// 踏勘群二维码: each approving section's WeChat group QR code, which the inspection groups of its cases show with
// the member nickname to use. The admin publishes a new picture or takes the old one down.

interface Row extends SectionGroupQr {
  updated: string;
}

const toRow = (s: SectionGroupQr): Row => ({ ...s, updated: s.updatedAt ? `${formatChinaTime(s.updatedAt)} 更新` : '' });

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('科室列表'),
    sections: [] as Row[],
    /** The section whose picture is being uploaded. */
    busyCode: '',
  },

  async load() {
    return { sections: (await listSectionGroupQrs({})).map(toRow) };
  },

  async onUpload(e: WechatMiniprogram.TouchEvent) {
    const sectionCode = e.currentTarget.dataset.code as string;
    if (this.data.busyCode) return;
    let file: { tempFilePath: string; size: number } | undefined;
    try {
      // https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html
      file = (await wx.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album'], sizeType: ['original'] })).tempFiles[0];
    } catch {
      return; // cancelled
    }
    if (!file) return;
    this.setData({ busyCode: sectionCode });
    try {
      const qrFileId = await uploadGroupQr({ path: file.tempFilePath, size: file.size });
      await setSectionGroupQr({ sectionCode, qrFileId });
      wx.showToast({ title: '已发布', icon: 'success' });
      await asSingleLoad(this).reload();
    } catch (err) {
      wx.showModal({ title: '未能发布', content: errorText(err), showCancel: false, confirmText: '知道了' });
    }
    this.setData({ busyCode: '' });
  },

  async onTakeDown(e: WechatMiniprogram.TouchEvent) {
    const sectionCode = e.currentTarget.dataset.code as string;
    const section = this.data.sections.find((s) => s.sectionCode === sectionCode);
    const { confirm } = await wx.showModal({
      title: '撤下二维码', content: `撤下后，${section?.sectionName ?? ''}的办件群不再显示微信群二维码。`, confirmText: '撤下', cancelText: '取消',
    });
    if (!confirm) return;
    try {
      await setSectionGroupQr({ sectionCode });
      await asSingleLoad(this).reload();
    } catch (err) {
      wx.showToast({ title: errorText(err), icon: 'none' });
    }
  },

  onPreview(e: WechatMiniprogram.TouchEvent) {
    const url = e.currentTarget.dataset.url as string;
    wx.previewImage({ urls: [url] });
  },
});
