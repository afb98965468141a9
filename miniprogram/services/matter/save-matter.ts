import { bindAction } from '../transport/transport';

/** 保存事项信息（含是否允许远程踏勘） */
export const saveMatter = bindAction('saveMatter');
