import { bindAction } from '../transport/transport';

/** 办件文件的临时链接（约10分钟内有效，每次领取都记入查阅记录） */
export const getFileUrl = bindAction('getFileUrl');
