// CSV text for downloads (RFC 4180, CRLF line ends). Text cells that a spreadsheet would run as a formula
// (=, +, -, @ first) get a leading apostrophe; numbers are written as they are.
export type CsvCell = string | number | null | undefined;

function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
