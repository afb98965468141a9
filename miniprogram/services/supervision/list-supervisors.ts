import { bindAction } from '../transport/transport';

/** 查询可指派为观察员的政策法规科人员 */
export const listSupervisors = bindAction('listSupervisors');
