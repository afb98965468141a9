import { bindAction } from '../transport/transport';

/** 把统计数据导出为 CSV 文件，返回临时下载链接 */
export const exportStatistics = bindAction('exportStatistics');
