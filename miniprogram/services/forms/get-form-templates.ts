import { bindAction } from '../transport/transport';

/** 查询现行的同意书和承诺书文本 */
export const getFormTemplates = bindAction('getFormTemplates');
