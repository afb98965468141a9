import { bindAction } from '../transport/transport';

/** 取得踏勘归档 PDF 的下载链接 */
export const getArchive = bindAction('getArchive');
