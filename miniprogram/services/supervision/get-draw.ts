import { bindAction } from '../transport/transport';

/** 查询某月抽查记录，及抽中办件或总体名单的一页 */
export const getDraw = bindAction('getDraw');
