import { bindAction } from '../transport/transport';

/** 退回补正（写明需补正的内容） */
export const returnCase = bindAction('returnCase');
