import { bindAction } from '../transport/transport';

/** 科长改派办件（须填写原因） */
export const reassignCase = bindAction('reassignCase');
