import { bindAction } from '../transport/transport';

/** 修改本人的姓名和联系电话 */
export const updateProfile = bindAction('updateProfile');
