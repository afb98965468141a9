import type { StatisticsReport, StatisticsRow } from '../../../typings/models';

// The statistics workbook is made by the `pdf` function, the one that renders documents: exceljs is far too large for
// the api's bundle (issue 14), and like a PDF the workbook is a document rendered from data the api hands over.

type Cell = string | number | null;

const percent = (share: number | null): Cell => (share === null ? null : +(share * 100).toFixed(1));
const decimal = (value: number | null): Cell => (value === null ? null : +value.toFixed(1));

const COLUMNS: [header: string, value: (row: StatisticsRow) => Cell][] = [
  ['月份', (r) => r.month],
  ['事项编码', (r) => r.matterCode ?? '全部'],
  ['事项名称', (r) => r.matterName],
  ['受理申请数', (r) => r.received],
  ['选择远程踏勘数', (r) => r.receivedRemote],
  ['远程踏勘占比（%）', (r) => percent(r.remoteShare)],
  ['办结数', (r) => r.decided],
  ['受理至办结工作日（中位数）', (r) => decimal(r.workingDaysMedian)],
  ['受理至办结工作日（平均）', (r) => decimal(r.workingDaysMean)],
  ['一次通过率（%）', (r) => percent(r.firstTimePassRate)],
  ['限期整改率（%）', (r) => percent(r.rectificationRate)],
  ['复勘次数', (r) => r.reinspections],
  ['爽约次数', (r) => r.noShows],
  ['抽查总体数', (r) => r.spotCheckPopulation],
  ['抽查数', (r) => r.spotCheckDrawn],
  ['抽查覆盖率（%）', (r) => percent(r.spotCheckCoverage)],
  ['已回访数', (r) => r.followUpsDone],
  ['回访发现问题数', (r) => r.followUpFindings],
  ['监管部门报告问题数', (r) => r.regulatorFindings],
  ['满意度评价数', (r) => r.ratings],
  ['满意度平均分（5分制）', (r) => decimal(r.satisfactionMean)],
  ['试点期已过（%）', (r) => percent(r.trialElapsedShare)],
];

/**
 * The report as an .xlsx workbook (exceljs): WeChat's document viewer opens it on the phone, which it does not do
 * for CSV. One sheet, a bold frozen header of Chinese column names, numbers as numbers, an empty cell for "none".
 */
export async function statisticsXlsx(report: StatisticsReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date(report.generatedAt);
  const sheet = book.addWorksheet('统计', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([header], i) => ({ header, width: i < 3 ? 16 : Math.max(10, header.length * 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of report.rows) sheet.addRow(COLUMNS.map(([, value]) => value(row)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
