import { bindAction } from '../transport/transport';

/** 发布同意书或承诺书的新版本 */
export const publishFormTemplate = bindAction('publishFormTemplate');
