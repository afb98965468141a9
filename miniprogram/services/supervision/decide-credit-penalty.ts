import { bindAction } from '../transport/transport';

/** 对失信问题作出信用惩戒决定 */
export const decideCreditPenalty = bindAction('decideCreditPenalty');
