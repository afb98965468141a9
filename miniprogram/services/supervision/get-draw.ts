import { bindAction } from '../transport/transport';

/** 查询某月抽查的完整记录与抽中办件 */
export const getDraw = bindAction('getDraw');
