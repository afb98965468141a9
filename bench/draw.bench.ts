import { drawMonth } from '../cloudfunctions/src/domain/monthly-draw';

/** The monthly draw over `caseCount` remote cases decided in one month across five matters: time and peak memory. */
export function benchDraw(caseCount = 100_000): Record<string, number> {
  const matters = ['TJDL-LAB-001', 'TJDL-HEA-001', 'TJDL-HEA-002', 'TJDL-ENV-001', 'TJDL-MKT-001'];
  const start = Date.parse('2026-04-30T16:00:00Z'); // 2026-05-01 00:00 China time
  const cases = Array.from({ length: caseCount }, (_, i) => ({
    id: `case-${i}`, number: `DL-202605-${String(i).padStart(6, '0')}`, matterCode: matters[i % matters.length]!, mode: 'remote',
    decidedAt: new Date(start + Math.floor((i / caseCount) * 30 * 86_400_000)).toISOString(),
  }));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = process.hrtime.bigint();
  const record = drawMonth({ month: '2026-05', cases, previousDrawHash: null, now: new Date('2026-06-01T00:00:00Z') });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  return { cases: caseCount, drawn: record.selectedIds.length, drawMs: Math.round(ms), rssBeforeMB: Math.round(rssBefore / 2 ** 20), peakRssMB: Math.round(peak / 2 ** 20) };
}
