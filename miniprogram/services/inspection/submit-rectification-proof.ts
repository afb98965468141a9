import { bindAction } from '../transport/transport';

/** 提交一项整改事项的整改材料 */
export const submitRectificationProof = bindAction('submitRectificationProof');
