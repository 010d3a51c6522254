/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the
 * file as the local code page and Vietnamese turns to mojibake), CRLF line
 * ends, every field quoted when it holds a separator, quote or line break.
 */
export type CsvValue = string | number | null;

export function toCsv(header: string[], rows: Iterable<CsvValue[]>): string {
  const lines = [header.map(field).join(",")];
  for (const row of rows) lines.push(row.map(field).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function field(value: CsvValue): string {
  if (value === null) return "";
  const text = String(value);
  // A leading = + - @ would be read as a formula: keep it text.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
