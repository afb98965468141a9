import { bindAction } from '../transport/transport';

/** 取得办件中一个文件的临时下载链接（服务端核对查看权限） */
export const getFileUrl = bindAction('getFileUrl');
