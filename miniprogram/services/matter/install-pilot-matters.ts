import { bindAction } from '../transport/transport';

/** 安装试点事项（首次部署） */
export const installPilotMatters = bindAction('installPilotMatters');
