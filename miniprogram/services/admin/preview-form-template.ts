import { bindAction } from '../transport/transport';

/** 按示例信息把表单草稿生成 PDF 预览（不发布） */
export const previewFormTemplate = bindAction('previewFormTemplate');
