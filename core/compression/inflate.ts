/**
 * DEFLATE (RFC 1951, raw or inside zlib's RFC 1950 wrapper) with a hard cap on
 * the output, in plain code: for .docx parts and PDF streams alike. Why not the
 * platform's DecompressionStream: in workerd it inflates ahead of its reader and
 * holds output back until more input arrives, so a 1 MB bomb reached gigabytes of
 * memory and seconds of CPU before any check saw the output. Here every byte is
 * counted, and the work stops the moment the cap is passed.
 */

export interface InflateOptions {
  maxBytes: number;
  /** "zlib": a 2-byte header before the deflate data (PDF's FlateDecode); "raw": none (zip entries). */
  format: "raw" | "zlib";
  /** false: only count (a 32 KB window is all it holds). */
  keep?: boolean;
  /** Damaged data: "fail" refuses it; "keep" ends inflating and keeps what came out before (as PDF readers do). */
  damaged: "fail" | "keep";
}

export type Inflated =
  | { ok: true; bytes: Uint8Array; size: number }
  /** Past the cap (`size`: what had come out when inflating stopped), or damaged with `damaged: "fail"`. */
  | { ok: false; problem: "too_large" | "corrupt"; size: number };

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
  16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
  /** The codes of at most FAST_BITS bits, by the next FAST_BITS bits of input: symbol << 4 | length, or 0 for a longer code. */
  fast: Uint16Array;
}

/** Codes this short are decoded with one table lookup; longer ones (rare) bit by bit. */
const FAST_BITS = 9;

function huffman(lengths: ArrayLike<number>, n: number): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < n; i++) counts[lengths[i]!]!++;
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 16; len++) offsets[len] = offsets[len - 1]! + counts[len - 1]!;
  const symbols = new Uint16Array(n);
  for (let i = 0; i < n; i++) if (lengths[i]) symbols[offsets[lengths[i]!]!++] = i;
  // Canonical codes in order (RFC 1951 3.2.2); input bits arrive from the code's first bit, so the table is indexed reversed.
  const fast = new Uint16Array(1 << FAST_BITS);
  let code = 0;
  let index = 0;
  for (let len = 1; len <= FAST_BITS; len++) {
    for (let k = 0; k < counts[len]!; k++, code++, index++) {
      let reversed = 0;
      for (let b = 0; b < len; b++) reversed |= ((code >>> b) & 1) << (len - 1 - b);
      const entry = (symbols[index]! << 4) | len;
      for (let at = reversed; at < 1 << FAST_BITS; at += 1 << len) fast[at] = entry;
    }
    code <<= 1;
  }
  return { counts, symbols, fast };
}

class Damaged extends Error {}
class TooLarge extends Error {}

const WINDOW = 1 << 15;

export function inflate(data: Uint8Array, options: InflateOptions): Inflated {
  const { maxBytes, keep = true } = options;
  let pos = options.format === "zlib" ? 2 : 0; // the zlib header; its check bits are not trusted anyway
  let bitBuffer = 0;
  let bitCount = 0;
  const window = new Uint8Array(WINDOW);
  let size = 0;
  const chunks: Uint8Array[] = [];
  let chunk = keep ? new Uint8Array(64 * 1024) : window;
  let chunkAt = 0;

  const bits = (need: number): number => {
    while (bitCount < need) {
      if (pos >= data.length) throw new Damaged();
      bitBuffer |= data[pos++]! << bitCount;
      bitCount += 8;
    }
    const value = bitBuffer & ((1 << need) - 1);
    bitBuffer >>>= need;
    bitCount -= need;
    return value;
  };
  const emit = (byte: number) => {
    window[size & (WINDOW - 1)] = byte;
    size++;
    if (size > maxBytes) throw new TooLarge();
    if (!keep) return;
    if (chunkAt === chunk.length) {
      chunks.push(chunk);
      chunk = new Uint8Array(Math.min(chunk.length * 2, 4 * 1024 * 1024));
      chunkAt = 0;
    }
    chunk[chunkAt++] = byte;
  };
  /** A match: `length` bytes from `distance` back. Byte by byte through emit only where a cap or a chunk's end falls inside it. */
  const copy = (distance: number, length: number) => {
    if (size + length > maxBytes || (keep && chunkAt + length > chunk.length)) {
      for (let i = 0; i < length; i++) emit(window[(size - distance) & (WINDOW - 1)]!);
      return;
    }
    let at = size;
    const end = size + length;
    if (keep) {
      for (; at < end; at++) {
        const byte = window[(at - distance) & (WINDOW - 1)]!;
        window[at & (WINDOW - 1)] = byte;
        chunk[chunkAt++] = byte;
      }
    } else {
      for (; at < end; at++) window[at & (WINDOW - 1)] = window[(at - distance) & (WINDOW - 1)]!;
    }
    size = end;
  };
  const decode = (h: Huffman): number => {
    while (bitCount < FAST_BITS && pos < data.length) {
      bitBuffer |= data[pos++]! << bitCount;
      bitCount += 8;
    }
    const entry = h.fast[bitBuffer & ((1 << FAST_BITS) - 1)]!;
    const length = entry & 15;
    if (entry !== 0 && length <= bitCount) {
      bitBuffer >>>= length;
      bitCount -= length;
      return entry >>> 4;
    }
    return decodeSlowly(h);
  };
  const decodeSlowly = (h: Huffman): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const count = h.counts[len]!;
      if (code - count < first) return h.symbols[index + (code - first)]!;
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw new Damaged();
  };
  const codes = (literals: Huffman, distances: Huffman) => {
    for (;;) {
      const symbol = decode(literals);
      if (symbol < 256) emit(symbol);
      else if (symbol === 256) return;
      else {
        const l = symbol - 257;
        if (l >= 29) throw new Damaged();
        const length = LENGTH_BASE[l]! + bits(LENGTH_EXTRA[l]!);
        const d = decode(distances);
        if (d >= 30) throw new Damaged();
        const distance = DIST_BASE[d]! + bits(DIST_EXTRA[d]!);
        if (distance > size) throw new Damaged();
        copy(distance, length);
      }
    }
  };

  let fixed: [Huffman, Huffman] | null = null;
  try {
    if (data.length < pos) throw new Damaged();
    let last = 0;
    while (!last) {
      last = bits(1);
      const type = bits(2);
      if (type === 0) {
        bitBuffer = 0;
        bitCount = 0;
        if (pos + 4 > data.length) throw new Damaged();
        const length = data[pos]! | (data[pos + 1]! << 8);
        pos += 4;
        for (let i = 0; i < length; i++) {
          if (pos >= data.length) throw new Damaged();
          emit(data[pos++]!);
        }
      } else if (type === 1) {
        if (!fixed) {
          const lengths = new Uint8Array(288);
          lengths.fill(8, 0, 144);
          lengths.fill(9, 144, 256);
          lengths.fill(7, 256, 280);
          lengths.fill(8, 280, 288);
          fixed = [huffman(lengths, 288), huffman(new Uint8Array(30).fill(5), 30)];
        }
        codes(fixed[0], fixed[1]);
      } else if (type === 2) {
        const nlen = bits(5) + 257;
        const ndist = bits(5) + 1;
        const ncode = bits(4) + 4;
        const lengths = new Uint8Array(320);
        for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]!] = bits(3);
        const lengthCodes = huffman(lengths, 19);
        lengths.fill(0);
        for (let i = 0; i < nlen + ndist; ) {
          const symbol = decode(lengthCodes);
          if (symbol < 16) lengths[i++] = symbol;
          else {
            const previous = symbol === 16 ? (i > 0 ? lengths[i - 1]! : -1) : 0;
            if (previous < 0) throw new Damaged();
            const repeat = symbol === 16 ? 3 + bits(2) : symbol === 17 ? 3 + bits(3) : 11 + bits(7);
            if (i + repeat > nlen + ndist) throw new Damaged();
            for (let r = 0; r < repeat; r++) lengths[i++] = previous;
          }
        }
        codes(huffman(lengths, nlen), huffman(lengths.subarray(nlen), ndist));
      } else throw new Damaged();
    }
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, problem: "too_large", size };
    if (!(error instanceof Damaged)) throw error;
    if (options.damaged === "fail") return { ok: false, problem: "corrupt", size };
  }
  if (!keep) return { ok: true, bytes: new Uint8Array(0), size };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const full of chunks) {
    bytes.set(full, at);
    at += full.length;
  }
  bytes.set(chunk.subarray(0, chunkAt), at);
  return { ok: true, bytes, size };
}
