/**
 * A flat walk over the objects of a PDF, as bytes on disk, without the cross-reference
 * table: every "N G obj … endobj" in file order, with its dictionary text and raw stream,
 * and the objects packed inside object streams. It is what the guard measures before a
 * full reader is let near the file, and what the glyph-table script reads fonts from.
 */
import { inflateBounded } from "./inflate";

export interface PdfObject {
  num: number;
  /** The object's text before any stream, as Latin-1 (PDF syntax is bytes). */
  body: string;
  /** The stream's bytes as stored (still encoded), or null. */
  stream: Uint8Array | null;
}

export type WalkProblem = "too_large" | "too_many_objects";

export interface WalkLimits {
  /** Inflated bytes of one object stream. */
  maxObjectStreamBytes: number;
  maxObjects: number;
}

/**
 * Bytes as text, one character a byte, for reading PDF syntax (which is bytes). The
 * platform's windows-1252 decoder keeps that one-to-one (bytes 0x80–0x9F become other
 * characters, never in PDF syntax) and is far faster than building the string by hand.
 */
const decoder = new TextDecoder("windows-1252");
export function latin1(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

const OBJ = /(\d+)\s+\d+\s+obj\b/g;

/** Calls `visit` for every object; stops at the first problem and returns it. */
export async function walkObjects(
  bytes: Uint8Array,
  limits: WalkLimits,
  visit: (object: PdfObject) => void | Promise<void>,
): Promise<WalkProblem | null> {
  const text = latin1(bytes);
  let count = 0;
  OBJ.lastIndex = 0;
  for (let match = OBJ.exec(text); match; match = OBJ.exec(text)) {
    if (++count > limits.maxObjects) return "too_many_objects";
    const start = match.index + match[0].length;
    const end = text.indexOf("endobj", start);
    const streamAt = findStreamKeyword(text, start, end < 0 ? text.length : end);
    if (streamAt < 0) {
      const body = text.slice(start, end < 0 ? text.length : end);
      await visit({ num: Number(match[1]), body, stream: null });
      OBJ.lastIndex = end < 0 ? text.length : end;
      continue;
    }
    const body = text.slice(start, streamAt);
    let dataStart = streamAt + "stream".length;
    if (text[dataStart] === "\r") dataStart++;
    if (text[dataStart] === "\n") dataStart++;
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(body);
    let dataEnd = declared ? dataStart + Number(declared[1]) : -1;
    if (dataEnd < 0 || dataEnd > text.length || !/^\s*endstream/.test(text.slice(dataEnd, dataEnd + 20))) {
      dataEnd = text.indexOf("endstream", dataStart);
      if (dataEnd < 0) dataEnd = text.length;
    }
    const stream = bytes.subarray(dataStart, dataEnd);
    await visit({ num: Number(match[1]), body, stream });
    if (/\/Type\s*\/ObjStm\b/.test(body)) {
      const problem = await walkObjectStream(body, stream, limits, visit, () => ++count);
      if (problem) return problem;
    }
    OBJ.lastIndex = dataEnd;
  }
  return null;
}

/** "stream" as the keyword after a dictionary, not inside a name or string. */
function findStreamKeyword(text: string, from: number, to: number): number {
  let at = text.indexOf("stream", from);
  while (at >= 0 && at < to) {
    const before = text.slice(Math.max(from, at - 3), at);
    if (/>>\s*$/.test(before) || /\s$/.test(before)) return at;
    at = text.indexOf("stream", at + 6);
  }
  return -1;
}

async function walkObjectStream(
  body: string,
  stream: Uint8Array,
  limits: WalkLimits,
  visit: (object: PdfObject) => void | Promise<void>,
  counted: () => number,
): Promise<WalkProblem | null> {
  const decoded = await decodeStream(body, stream, limits.maxObjectStreamBytes);
  if (decoded === "too_large") return "too_large";
  if (!decoded) return null;
  const n = Number(/\/N\s+(\d+)/.exec(body)?.[1] ?? 0);
  const first = Number(/\/First\s+(\d+)/.exec(body)?.[1] ?? 0);
  const text = latin1(decoded);
  const header = text.slice(0, first).trim().split(/\s+/).map(Number);
  for (let i = 0; i < n && 2 * i + 1 < header.length; i++) {
    if (counted() > limits.maxObjects) return "too_many_objects";
    const offset = first + (header[2 * i + 1] ?? 0);
    const next = 2 * i + 3 < header.length ? first + (header[2 * i + 3] ?? 0) : text.length;
    await visit({ num: header[2 * i] ?? 0, body: text.slice(offset, next), stream: null });
  }
  return null;
}

/** The stream's bytes after FlateDecode (or as stored when it has no filter); null for other filters. */
export async function decodeStream(body: string, stream: Uint8Array, maxBytes: number): Promise<Uint8Array | "too_large" | null> {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(body)?.[1];
  if (!filter) return stream;
  const names = filter.match(/\/\w+/g) ?? [];
  if (names.length !== 1 || names[0] !== "/FlateDecode") return null;
  const inflated = await inflateBounded(stream, maxBytes);
  return inflated.ok ? inflated.bytes : "too_large";
}
