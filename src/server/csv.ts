/**
 * CSV rows per RFC 4180: fields separated by commas, lines ended by CRLF, a field quoted when it
 * holds a comma, a double quote, CR or LF (quotes doubled inside). Numbers are written in the
 * shortest form that reads back to the same double (`String(x)`); NaN and ±Infinity (a failed
 * sample) are empty fields.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record with its CRLF. */
export function csvRow(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
