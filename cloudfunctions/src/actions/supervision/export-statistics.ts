import { defineAction } from '../../api/action';
import { statisticsCsv, statisticsReport } from '../../application/statistics';
import { monthRange } from './schemas';

/**
 * The statistics as a CSV file in storage, and a temporary link to it. wx.openDocument opens only doc(x), xls(x),
 * ppt(x) and pdf, so the Mini Program forwards the file with wx.shareFileMessage to be opened in Excel or WPS.
 */
export const exportStatistics = defineAction({
  name: 'exportStatistics',
  schema: monthRange,
  callers: ['supervisor'],
  mutates: true,
  async handle(ctx, { from, to }) {
    const report = await statisticsReport(ctx, from, to);
    const fileName = `远程视频踏勘统计_${from}_${to}.csv`;
    // An ASCII storage path; the Chinese name is for wx.shareFileMessage's fileName.
    const stored = await ctx.files.put(`exports/statistics/${ctx.ids.next()}/statistics_${from}_${to}.csv`, Buffer.from(statisticsCsv(report), 'utf8'));
    return { fileId: stored.fileId, fileName, downloadUrl: await ctx.files.downloadUrl(stored.fileId), rows: report.rows.length };
  },
});
