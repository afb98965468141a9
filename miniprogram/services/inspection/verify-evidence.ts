import { bindAction } from '../transport/transport';

/** 重新计算并核验办件的证据链 */
export const verifyEvidence = bindAction('verifyEvidence');
