import { defineAction } from '../../api/action';
import { statisticsReport } from '../../application/statistics';
import { monthRange } from './schemas';

/**
 * The statistics as an .xlsx file in storage, and a temporary link to it: wx.openDocument opens xlsx on the phone
 * (not CSV), and wx.shareFileMessage forwards it to be opened in Excel or WPS.
 */
export const exportStatistics = defineAction({
  name: 'exportStatistics',
  schema: () => monthRange(),
  callers: ['supervisor'],
  mutates: true,
  async handle(ctx, { from, to }) {
    const report = await statisticsReport(ctx, from, to);
    const fileName = `远程视频踏勘统计_${from}_${to}.xlsx`;
    // Made by the pdf function (exceljs stays out of the api); an ASCII storage path, the Chinese name is for
    // wx.shareFileMessage's fileName.
    const stored = await ctx.pdf.render({
      kind: 'statisticsWorkbook', caseId: 'statistics-export', pathPrefix: `exports/statistics/${ctx.ids.next()}/statistics_${from}_${to}`, report,
    });
    return { fileId: stored.fileId, fileName, downloadUrl: await ctx.files.downloadUrl(stored.fileId), rows: report.rows.length };
  },
});
