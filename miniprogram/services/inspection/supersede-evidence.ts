import { bindAction } from '../transport/transport';

/** 经办人将一条证据标记为作废（写明原因，证据不删除） */
export const supersedeEvidence = bindAction('supersedeEvidence');
