import { bindAction } from '../transport/transport';

/** 查询办件的同意书和承诺书（已填入办件信息） */
export const getCaseForms = bindAction('getCaseForms');
