import { bindAction } from '../transport/transport';

/** 查询事项详情（踏勘标准与准备清单） */
export const getMatter = bindAction('getMatter');
