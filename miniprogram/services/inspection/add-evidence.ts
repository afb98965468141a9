import { bindAction } from '../transport/transport';

/** 把已上传的文件加入办件证据链 */
export const addEvidence = bindAction('addEvidence');
