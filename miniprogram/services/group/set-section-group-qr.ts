import { bindAction } from '../transport/transport';

/** 发布或撤下科室的踏勘群二维码 */
export const setSectionGroupQr = bindAction('setSectionGroupQr');
