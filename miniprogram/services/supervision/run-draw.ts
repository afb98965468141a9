import { bindAction } from '../transport/transport';

/** 补抽已结束但未抽查的月份（已抽过则返回原记录） */
export const runDraw = bindAction('runDraw');
