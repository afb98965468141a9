import { bindAction } from '../transport/transport';

/** 经办人作出踏勘决定（通过、限期整改或不通过） */
export const decideInspection = bindAction('decideInspection');
