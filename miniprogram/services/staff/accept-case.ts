import { bindAction } from '../transport/transport';

/** 受理办件（受理人成为首办负责人） */
export const acceptCase = bindAction('acceptCase');
