import type { AnyAction } from '../../api/action';
import { claimCase } from './claim-case';
import { getRegistrationReceipt } from './get-registration-receipt';
import { reissueClaimCode } from './reissue-claim-code';

/** Registration's second half: the applicant claims a counter or e-mail case (issue 12). */
export const CLAIMS_ACTIONS: readonly AnyAction[] = [claimCase, reissueClaimCode, getRegistrationReceipt];
