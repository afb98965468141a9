import { bindAction } from '../transport/transport';

/** 重新发放认领码（旧码作废） */
export const reissueClaimCode = bindAction('reissueClaimCode');
