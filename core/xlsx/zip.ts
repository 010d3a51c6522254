import { Crc32 } from "./crc32";

/**
 * A small zip writer: enough for an .xlsx (OOXML is a zip of XML parts).
 * Each entry's content arrives in pieces and is deflated as it streams
 * (CompressionStream "deflate-raw", built into Workers and Node), so a large
 * sheet never exists as one string; only the compressed bytes are kept.
 * No zip64: parts stay far below 4 GiB and 65,535 entries.
 */
export interface ZipEntry {
  /** Path inside the archive, forward slashes. */
  name: string;
  /** The content, in pieces (an async source may fetch them as it goes); strings are written as UTF-8. */
  content: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
}

export interface ZipOptions {
  /** Deflate (default) or store. */
  compress?: boolean;
  /** Modification time written on every entry; fixed by tests for byte-identical output. */
  modified?: Date;
}

const encoder = new TextEncoder();
/** Strings are gathered to about this many characters before each encode-and-write. */
const CHUNK_CHARS = 64 * 1024;

interface WrittenEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  compressedSize: number;
  method: 0 | 8;
  offset: number;
}

export async function writeZip(
  entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>,
  options: ZipOptions = {},
): Promise<Uint8Array> {
  const compress = options.compress ?? true;
  const { time, date } = dosDateTime(options.modified ?? new Date());
  const out: Uint8Array[] = [];
  const written: WrittenEntry[] = [];
  let offset = 0;

  for await (const entry of entries) {
    const name = encoder.encode(entry.name);
    const body = await encodeEntry(entry.content, compress);
    const header = localHeader(name, body, time, date);
    written.push({ name, crc: body.crc, size: body.size, compressedSize: body.compressedSize, method: body.method, offset });
    out.push(header, ...body.chunks);
    offset += header.length + body.compressedSize;
  }

  const centralStart = offset;
  for (const e of written) {
    const central = centralHeader(e, time, date);
    out.push(central);
    offset += central.length;
  }
  out.push(endOfCentralDirectory(written.length, offset - centralStart, centralStart));
  return concat(out);
}

interface EncodedEntry {
  chunks: Uint8Array[];
  crc: number;
  size: number;
  compressedSize: number;
  method: 0 | 8;
}

async function encodeEntry(content: ZipEntry["content"], compress: boolean): Promise<EncodedEntry> {
  const crc = new Crc32();
  let size = 0;
  const raw: Uint8Array[] = [];
  let pending = "";
  const stream = compress ? new CompressionStream("deflate-raw") : null;
  const writer = stream?.writable.getWriter();
  // Read while writing: the stream applies backpressure, and nothing drains it otherwise.
  const compressed = stream ? collect(stream.readable) : null;

  const emit = async (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    crc.update(bytes);
    size += bytes.length;
    if (writer) await writer.write(bytes);
    else raw.push(bytes);
  };
  for await (const piece of content) {
    if (typeof piece === "string") {
      pending += piece;
      if (pending.length >= CHUNK_CHARS) {
        await emit(encoder.encode(pending));
        pending = "";
      }
    } else {
      if (pending) await emit(encoder.encode(pending));
      pending = "";
      await emit(piece);
    }
  }
  if (pending) await emit(encoder.encode(pending));

  if (writer && compressed) {
    await writer.close();
    const chunks = await compressed;
    return { chunks, crc: crc.value, size, compressedSize: chunks.reduce((n, c) => n + c.length, 0), method: 8 };
  }
  return { chunks: raw, crc: crc.value, size, compressedSize: size, method: 0 };
}

async function collect(readable: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

/** General purpose flag bit 11: names are UTF-8. */
const UTF8_FLAG = 0x0800;

function localHeader(name: Uint8Array, e: EncodedEntry, time: number, date: number): Uint8Array {
  const b = new Uint8Array(30 + name.length);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true); // version needed: 2.0 (deflate)
  v.setUint16(6, UTF8_FLAG, true);
  v.setUint16(8, e.method, true);
  v.setUint16(10, time, true);
  v.setUint16(12, date, true);
  v.setUint32(14, e.crc, true);
  v.setUint32(18, e.compressedSize, true);
  v.setUint32(22, e.size, true);
  v.setUint16(26, name.length, true);
  v.setUint16(28, 0, true);
  b.set(name, 30);
  return b;
}

function centralHeader(e: WrittenEntry, time: number, date: number): Uint8Array {
  const b = new Uint8Array(46 + e.name.length);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 20, true); // made by: MS-DOS / FAT, 2.0
  v.setUint16(6, 20, true);
  v.setUint16(8, UTF8_FLAG, true);
  v.setUint16(10, e.method, true);
  v.setUint16(12, time, true);
  v.setUint16(14, date, true);
  v.setUint32(16, e.crc, true);
  v.setUint32(20, e.compressedSize, true);
  v.setUint32(24, e.size, true);
  v.setUint16(28, e.name.length, true);
  // extra, comment, disk number, internal and external attributes: all zero
  v.setUint32(42, e.offset, true);
  b.set(e.name, 46);
  return b;
}

function endOfCentralDirectory(count: number, size: number, offset: number): Uint8Array {
  const b = new Uint8Array(22);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  return b;
}

/** Zip stores local time in MS-DOS format; Vietnam time is what the reader's clock shows. */
function dosDateTime(at: Date): { time: number; date: number } {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const year = Math.max(1980, local.getUTCFullYear());
  return {
    time: (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | (local.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate(),
  };
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
