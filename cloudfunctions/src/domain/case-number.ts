import { formatChina } from './china-time';

/** Readable case number 办件编号: DL-YYYYMMDD-NNNN, the date in China time and a per-day sequence. */
export const caseNumber = (prefix: string, at: Date, sequence: number): string =>
  `${prefix}-${formatChina(at, 'YYYYMMDD')}-${String(sequence).padStart(4, '0')}`;

/** The counter document that hands out the day's sequence numbers. */
export const caseNumberCounterId = (prefix: string, at: Date): string => `case-number:${prefix}:${formatChina(at, 'YYYYMMDD')}`;
