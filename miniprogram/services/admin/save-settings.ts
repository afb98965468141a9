import { bindAction } from '../transport/transport';

/** 保存系统设置（保存后即生效） */
export const saveSettings = bindAction('saveSettings');
