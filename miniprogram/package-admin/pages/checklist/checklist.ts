import { asSingleLoad, singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import type { ChecklistItem } from '../../../../typings/models';
import { getMatter } from '../../../services/matter/get-matter';
import { publishChecklist } from '../../../services/matter/publish-checklist';
import { errorText } from '../../../utils/format';

// 踏勘标准: a draft of a matter's checklist (items, what the officer looks at 查看, what conforms 标准, their order),
// previewed as the officer sees it in the inspection console, published as a new version with a note. Published
// versions never change: cases keep the version they were accepted with.

/** The next free item code after the draft's, keeping its letters: W01, W02 … → W03. */
function nextCode(items: ChecklistItem[]): string {
  const prefix = /^[A-Z]{1,3}/.exec(items[0]?.code ?? '')?.[0] ?? 'C';
  const highest = Math.max(0, ...items.map((i) => Number(/\d+$/.exec(i.code)?.[0] ?? 0)));
  return `${prefix}${String(highest + 1).padStart(2, '0')}`;
}

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('踏勘标准'),
    code: '',
    name: '',
    version: 0,
    items: [] as ChecklistItem[],
    preview: false,
    note: '',
    publishError: '',
    busy: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ code: decodeURIComponent(query.code ?? '') });
    asSingleLoad(this).reload();
  },

  async load() {
    const m = await getMatter({ code: this.data.code });
    wx.setNavigationBarTitle({ title: `${m.name} · 踏勘标准` });
    return { name: m.name, version: m.checklistVersion, items: m.checklist.map((i) => ({ ...i })), preview: false, note: '', publishError: '' };
  },

  onItemInput(e: WechatMiniprogram.Input) {
    const { index, field } = e.currentTarget.dataset as { index: number; field: 'title' | 'lookAt' | 'conforming' };
    this.setData({ [`items[${index}].${field}`]: e.detail.value, publishError: '' });
  },

  onMove(e: WechatMiniprogram.TouchEvent) {
    const { index, step } = e.currentTarget.dataset as { index: number; step: number };
    const to = Number(index) + Number(step);
    const items = this.data.items.slice();
    if (to < 0 || to >= items.length) return;
    [items[index], items[to]] = [items[to]!, items[index]!];
    this.setData({ items });
  },

  onRemove(e: WechatMiniprogram.TouchEvent) {
    this.setData({ items: this.data.items.filter((_, i) => i !== Number(e.currentTarget.dataset.index)) });
  },

  onAdd() {
    this.setData({ items: [...this.data.items, { code: nextCode(this.data.items), title: '', lookAt: '', conforming: '' }] });
  },

  onTogglePreview() {
    this.setData({ preview: !this.data.preview });
  },

  onNoteInput(e: WechatMiniprogram.Input) {
    this.setData({ note: e.detail.value, publishError: '' });
  },

  async onPublish() {
    if (this.data.busy) return;
    const items = this.data.items.map((i) => ({ code: i.code, title: i.title.trim(), lookAt: i.lookAt.trim(), conforming: i.conforming.trim() }));
    const blank = items.findIndex((i) => i.title.length < 2 || i.lookAt.length < 2 || i.conforming.length < 2);
    const problem = !items.length ? '至少需要一个检查项'
      : blank >= 0 ? `第 ${blank + 1} 项的名称、查看内容和达标标准都须填写`
      : this.data.note.trim().length < 2 ? '请写明本版修订了什么' : '';
    if (problem) {
      this.setData({ publishError: problem });
      return;
    }
    const { confirm } = await wx.showModal({
      title: `发布第 ${this.data.version + 1} 版`,
      content: '发布后，新受理的办件按新版核查；已受理的办件仍按受理时的版本。',
      confirmText: '发布',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: true });
    try {
      const m = await publishChecklist({ code: this.data.code, items, note: this.data.note.trim() });
      this.setData({ version: m.checklistVersion, items: m.checklist.map((i) => ({ ...i })), note: '', preview: false });
      wx.showToast({ title: `已发布第 ${m.checklistVersion} 版`, icon: 'none' });
    } catch (err) {
      this.setData({ publishError: errorText(err, '发布失败，请重试') });
    }
    this.setData({ busy: false });
  },
});
