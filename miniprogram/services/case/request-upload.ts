import { bindAction } from '../transport/transport';

/** 申请材料上传位置 */
export const requestUpload = bindAction('requestUpload');
