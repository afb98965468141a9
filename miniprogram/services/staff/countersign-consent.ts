import { bindAction } from '../transport/transport';

/** 经办人会签同意书存档联 */
export const countersignConsent = bindAction('countersignConsent');
