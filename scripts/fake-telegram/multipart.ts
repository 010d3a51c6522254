/**
 * A tolerant multipart/form-data parser (runtime-neutral). Written by hand
 * because grammY sends `content-disposition:form-data;name="x";filename=y`
 * (no spaces, unquoted file name, possibly UTF-8), which strict parsers reject
 * but Telegram accepts.
 */

export interface UploadedFile {
  kind: "file";
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export type FormValue = string | UploadedFile;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first, from); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

export function boundaryOf(contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function dispositionParam(header: string, name: string): string | undefined {
  const star = new RegExp(`(?:^|;)\\s*${name}\\*\\s*=\\s*([^;]*)`, "i").exec(header);
  if (star) {
    const v = star[1]!.trim();
    const m = /^([^']*)'[^']*'(.*)$/.exec(v);
    try {
      return decodeURIComponent(m ? m[2]! : v);
    } catch {
      return m ? m[2]! : v;
    }
  }
  const quoted = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, "i").exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, "$1");
  // Unquoted: a file name runs to the end of the header when it is the last
  // parameter (grammY), otherwise to the next ";".
  const bare = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*([^;]*)`, "i").exec(header);
  if (!bare) return undefined;
  if (name === "filename") {
    const rest = header.slice(bare.index + bare[0].length - bare[1]!.length);
    if (!/;\s*[a-z-]+\*?\s*=/i.test(rest)) return rest.trim();
  }
  return bare[1]!.trim();
}

/** Parses a multipart body; fields keep their last value. */
export function parseMultipart(body: Uint8Array, boundary: string): Map<string, FormValue> {
  const out = new Map<string, FormValue>();
  const delim = encoder.encode(`--${boundary}`);
  const crlfDelim = encoder.encode(`\r\n--${boundary}`);
  const headerEnd = encoder.encode("\r\n\r\n");
  let pos = indexOf(body, delim, 0);
  if (pos < 0) return out;
  pos += delim.length;
  for (;;) {
    // after a delimiter: "--" ends the body, otherwise CRLF then headers
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    else if (body[pos] === 0x0a) pos += 1;
    const hEnd = indexOf(body, headerEnd, pos);
    if (hEnd < 0) break;
    const headers = decoder.decode(body.subarray(pos, hEnd)).split(/\r\n/);
    const contentStart = hEnd + headerEnd.length;
    let next = indexOf(body, crlfDelim, contentStart);
    if (next < 0) next = body.length;
    const content = body.subarray(contentStart, next);
    let disposition = "";
    let contentType = "";
    for (const line of headers) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === "content-disposition") disposition = value;
      else if (key === "content-type") contentType = value;
    }
    const name = dispositionParam(disposition, "name");
    const filename = dispositionParam(disposition, "filename");
    if (name !== undefined) {
      if (filename !== undefined) {
        out.set(name, {
          kind: "file",
          filename,
          contentType: contentType || "application/octet-stream",
          bytes: content.slice(),
        });
      } else {
        out.set(name, decoder.decode(content));
      }
    }
    if (next >= body.length) break;
    pos = next + crlfDelim.length;
  }
  return out;
}

/** Builds a multipart body (used by tests and the terminal chat). */
export function buildMultipart(fields: Record<string, string | { filename: string; contentType?: string; bytes: Uint8Array }>): {
  body: Uint8Array;
  contentType: string;
} {
  const boundary = `----fake${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const parts: Uint8Array[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") {
      parts.push(encoder.encode(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      parts.push(
        encoder.encode(
          `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${value.filename.replace(/"/g, '\\"')}"\r\n` +
            `content-type: ${value.contentType ?? "application/octet-stream"}\r\n\r\n`,
        ),
      );
      parts.push(value.bytes);
      parts.push(encoder.encode("\r\n"));
    }
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  const size = parts.reduce((n, p) => n + p.length, 0);
  const body = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    body.set(p, o);
    o += p.length;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
