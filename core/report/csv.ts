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

/** The same CSV from rows that arrive a page at a time, as bytes (encoded in pieces, never one large string). */
export async function csvBytes(header: string[], rows: AsyncIterable<CsvValue[]>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let pending = `\uFEFF${header.map(field).join(",")}\r\n`;
  for await (const row of rows) {
    pending += `${row.map(field).join(",")}\r\n`;
    if (pending.length > 64 * 1024) {
      parts.push(encoder.encode(pending));
      pending = "";
    }
  }
  parts.push(encoder.encode(pending));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function field(value: CsvValue): string {
  if (value === null) return "";
  const text = String(value);
  // A leading = + - @ would be read as a formula: keep it text.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
