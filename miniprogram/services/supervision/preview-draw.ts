import { bindAction } from '../transport/transport';

/** 预览已结束月份的抽查总体与样本量（不抽取、不保存） */
export const previewDraw = bindAction('previewDraw');
