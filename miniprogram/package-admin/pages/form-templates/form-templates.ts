import type { FormKind, FormTemplateView } from '../../../../typings/models';
import { singleLoad, singleLoadData } from '../../../behaviors/single-load/single-load';
import { previewFormTemplate } from '../../../services/admin/preview-form-template';
import { openDocument } from '../../../services/file/open-document';
import { formTemplateBody } from '../../../services/forms/form-template-text';
import { getFormTemplates } from '../../../services/forms/get-form-templates';
import { publishFormTemplate } from '../../../services/forms/publish-form-template';
import { errorText } from '../../../utils/format';

// 表单模板: the consent form and the commitment letter. The admin drafts a new text (one paragraph per line, with
// the fill-in names shown), previews it as the PDF an applicant would sign, and publishes it as the next version;
// signed cases keep the version they signed.

interface Draft {
  title: string;
  body: string;
}

Page({
  behaviors: [singleLoad],
  data: {
    ...singleLoadData('表单模板'),
    templates: [] as FormTemplateView[],
    kind: 'consent' as FormKind,
    current: null as FormTemplateView | null,
    placeholders: '',
    draft: { title: '', body: '' } as Draft,
    draftError: '',
    warning: '',
    busy: '' as '' | 'preview' | 'publish',
  },

  /**
   * The body as typed, kept off `data`: a long template would otherwise go to the view on every keystroke (a
   * setData far over its budget); the textarea holds the text itself, and `data.draft.body` is only what it opens with.
   */
  typedBody: '',

  async load() {
    const templates = await getFormTemplates({});
    return { templates, ...this.shown(this.data.kind, templates) };
  },

  /** The page's data for one kind's template, the draft starting from its text. */
  shown(kind: FormKind, templates: FormTemplateView[]) {
    const current = templates.find((t) => t.kind === kind) ?? null;
    this.typedBody = current ? current.paragraphs.join('\n') : '';
    return {
      kind, current, draftError: '', warning: '',
      placeholders: current ? current.placeholders.map((p) => `{{${p}}}`).join('  ') : '',
      draft: { title: current ? current.title : '', body: this.typedBody },
    };
  },

  onKind(e: WechatMiniprogram.TouchEvent) {
    this.setData(this.shown(e.currentTarget.dataset.kind as FormKind, this.data.templates));
  },

  onTitleInput(e: WechatMiniprogram.Input) {
    this.setData({ 'draft.title': e.detail.value, draftError: '', warning: '' });
  },

  onBodyInput(e: WechatMiniprogram.Input) {
    this.typedBody = e.detail.value;
    if (this.data.draftError || this.data.warning) this.setData({ draftError: '', warning: '' });
  },

  paragraphs(): string[] | null {
    const paragraphs = this.typedBody.split('\n').map((p) => p.trim()).filter(Boolean);
    if (this.data.draft.title.trim().length < 4 || !paragraphs.length) {
      this.setData({ draftError: '请填写标题和正文（每段一行）' });
      return null;
    }
    return paragraphs;
  },

  async onPreview() {
    const paragraphs = this.paragraphs();
    if (!paragraphs || this.data.busy) return;
    this.setData({ busy: 'preview' });
    try {
      const preview = await previewFormTemplate({ kind: this.data.kind, title: this.data.draft.title.trim(), ...(await formTemplateBody(paragraphs)) });
      this.setData({ warning: preview.unsupportedCharacters.length ? `PDF 字库中没有这些字，将显示为□，请改写：${preview.unsupportedCharacters.join(' ')}` : '' });
      await openDocument(preview.url);
    } catch (err) {
      this.setData({ draftError: errorText(err, '预览失败，请重试') });
    }
    this.setData({ busy: '' });
  },

  async onPublish() {
    const paragraphs = this.paragraphs();
    const current = this.data.current;
    if (!paragraphs || !current || this.data.busy) return;
    const { confirm } = await wx.showModal({
      title: `发布${current.name}第 ${current.version + 1} 版`,
      content: '发布后，尚未签署的申请人签署新版本；已签署的办件保留其签署的版本。',
      confirmText: '发布',
      cancelText: '取消',
    });
    if (!confirm) return;
    this.setData({ busy: 'publish' });
    try {
      const published = await publishFormTemplate({ kind: this.data.kind, title: this.data.draft.title.trim(), ...(await formTemplateBody(paragraphs)) });
      const templates = this.data.templates.map((t) => (t.kind === published.kind ? published : t));
      this.setData({ templates, ...this.shown(published.kind, templates) });
      wx.showToast({ title: `已发布第 ${published.version} 版`, icon: 'none' });
    } catch (err) {
      this.setData({ draftError: errorText(err, '发布失败，请重试') });
    }
    this.setData({ busy: '' });
  },
});
