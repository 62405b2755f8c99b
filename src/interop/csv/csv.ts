/**
 * RFC 4180 CSV that opens cleanly in a spreadsheet: CRLF line ends, fields quoted when they hold
 * a comma, quote, line break or edge space, UTF-8 with an optional byte order mark. Cells that a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) get a
 * leading apostrophe, the OWASP advice against CSV injection.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, protected against formula injection and quoted as RFC 4180 needs. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole table: header row, then rows; CRLF line ends; BOM when asked. */
export function csvTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, bom = false): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
