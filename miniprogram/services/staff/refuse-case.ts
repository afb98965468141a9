import { bindAction } from '../transport/transport';

/** 不予受理（写明理由） */
export const refuseCase = bindAction('refuseCase');
