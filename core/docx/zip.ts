/**
 * Just enough of the ZIP format to read one member of a .docx: the central
 * directory at the end of the archive says where each member starts, so the
 * local headers (which may lie about sizes when streamed) are only used for
 * their own length. Deflate is inflated by our own capped inflater
 * (core/compression/inflate.ts): the platform's DecompressionStream runs ahead of its reader in
 * workerd, so it cannot stop a zip bomb at a cap.
 */
import { inflate } from "../compression/inflate";

export type ZipProblem = "not_zip" | "encrypted" | "too_large" | "corrupt" | "unsupported";

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipResult<T> = { ok: true; value: T } | { ok: false; problem: ZipProblem };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

/** The members of the archive by name, from its central directory. */
export function zipEntries(bytes: Uint8Array): ZipResult<Map<string, ZipEntry>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < EOCD_SIZE || view.getUint32(0, true) !== LOCAL_SIGNATURE) return { ok: false, problem: "not_zip" };

  let eocd = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  // A zip that starts right but has no directory at the end was cut short.
  if (eocd < 0) return { ok: false, problem: "corrupt" };

  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no Word document comes near 4 GB or 65,535 members.
  if (count === 0xffff || directoryOffset === 0xffffffff) return { ok: false, problem: "unsupported" };
  if (directoryOffset + directorySize > eocd) return { ok: false, problem: "corrupt" };

  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return { ok: false, problem: "corrupt" };
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & FLAG_UTF8 ? new TextDecoder().decode(nameBytes) : latin1(nameBytes);
    entries.set(name, {
      name,
      flags,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, value: entries };
}

/**
 * The uncompressed bytes of one member. Inflation stops as soon as the output
 * passes `maxBytes`, whatever the directory claims: a few kilobytes of
 * deflate can expand to gigabytes (a zip bomb), and a Worker has 128 MB.
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Promise<ZipResult<Uint8Array>> {
  if (entry.flags & FLAG_ENCRYPTED) return { ok: false, problem: "encrypted" };
  if (entry.method !== STORED && entry.method !== DEFLATED) return { ok: false, problem: "unsupported" };
  if (entry.uncompressedSize > maxBytes) return { ok: false, problem: "too_large" };

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) return { ok: false, problem: "corrupt" };
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { ok: false, problem: "corrupt" };
  const data = bytes.slice(start, end);

  if (entry.method === STORED) return { ok: true, value: data };
  const inflated = inflate(data, { maxBytes, format: "raw", damaged: "fail" });
  return inflated.ok ? { ok: true, value: inflated.bytes } : { ok: false, problem: inflated.problem };
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
