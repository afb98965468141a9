import { bindAction } from '../transport/transport';

/** 分页查询我经办的办件（按受理时间） */
export const listHandlerCases = bindAction('listHandlerCases');
