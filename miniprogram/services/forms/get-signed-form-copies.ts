import { bindAction } from '../transport/transport';

/** 查询本人可查看的已签署表单（PDF） */
export const getSignedFormCopies = bindAction('getSignedFormCopies');
