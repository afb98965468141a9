import { bindAction } from '../transport/transport';

/** 分页查询每月抽查记录（最近月份在前） */
export const listDraws = bindAction('listDraws');
