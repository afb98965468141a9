import { bindAction } from '../transport/transport';

/** 为办件指派观察员（政策法规科人员） */
export const assignObserver = bindAction('assignObserver');
