// CSV for spreadsheets (RFC 4180): Excel on Windows reads a CSV as the system's code page unless it starts with a
// UTF-8 byte order mark, so Chinese text needs the BOM; lines end with CRLF.

export type CsvCell = string | number | null;

const BOM = '\uFEFF';

function cell(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  // A cell that starts like a formula would be run by the spreadsheet (CSV injection); a leading apostrophe keeps
  // it text. Negative numbers are numbers, not formulas.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const toCsv = (rows: readonly (readonly CsvCell[])[]): string =>
  BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
