import { bindAction } from '../transport/transport';

/** 重新生成踏勘归档并推送行业监管部门（决定后归档失败时） */
export const archiveCase = bindAction('archiveCase');
