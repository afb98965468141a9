import type { FileAccessView } from '../../typings/models';
import { formatChinaTime } from './china-time';

/** One line of the access log as the pages show it. */
export interface AccessRow {
  key: string;
  line: string;
  when: string;
}

export const toAccessRows = (views: FileAccessView[]): AccessRow[] =>
  views.map((v, i) => ({ key: `${v.at}-${i}`, line: `${v.who}（${v.roleLabel}）查看了${v.kindLabel}「${v.fileName}」`, when: formatChinaTime(v.at) }));
