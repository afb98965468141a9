import { bindAction } from '../transport/transport';

/** 转为现场踏勘（写明原因） */
export const switchToOnsite = bindAction('switchToOnsite');
