/**
 * Raw DEFLATE (RFC 1951) with a hard cap on the output, in plain TypeScript.
 *
 * Why not the platform's DecompressionStream: in workerd it inflates ahead of
 * the reader, whatever the slices fed to it, so a 1 MB archive whose deflate
 * expands ~1000× reached 3 GB of memory and seconds of CPU before any check
 * saw the output. Here every byte written is counted against `maxBytes`, and
 * the work stops the moment the cap is passed: memory never exceeds the cap
 * and CPU is bounded by it, whatever the archive claims.
 */

export type InflateResult = { ok: true; value: Uint8Array } | { ok: false; problem: "too_large" | "corrupt" };

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
  16385, 24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which a dynamic block lists the code lengths of its code-length alphabet. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;

class Stop {
  constructor(readonly problem: "too_large" | "corrupt") {}
}

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Code {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function buildCode(lengths: ArrayLike<number>): Code {
  const counts = new Uint16Array(MAX_BITS + 1);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]!]!++;
  counts[0] = 0;
  // More codes of a length than the lengths before leave room for: not a prefix code.
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = left * 2 - counts[len]!;
    if (left < 0) throw new Stop("corrupt");
  }
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = offsets[len]! + counts[len]!;
  const symbols = new Uint16Array(lengths.length);
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const len = lengths[symbol]!;
    if (len !== 0) symbols[offsets[len]!++] = symbol;
  }
  return { counts, symbols };
}

let fixed: { literals: Code; distances: Code } | undefined;
function fixedCodes() {
  if (!fixed) {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144);
    lengths.fill(9, 144, 256);
    lengths.fill(7, 256, 280);
    lengths.fill(8, 280, 288);
    fixed = { literals: buildCode(lengths), distances: buildCode(new Uint8Array(30).fill(5)) };
  }
  return fixed;
}

export function inflateRawCapped(data: Uint8Array, maxBytes: number): InflateResult {
  let position = 0;
  let bitBuffer = 0;
  let bitCount = 0;
  let out = new Uint8Array(Math.min(maxBytes, Math.max(64 * 1024, data.length * 4)));
  let length = 0;

  const bits = (need: number): number => {
    while (bitCount < need) {
      if (position >= data.length) throw new Stop("corrupt");
      bitBuffer |= data[position++]! << bitCount;
      bitCount += 8;
    }
    const value = bitBuffer & ((1 << need) - 1);
    bitBuffer >>>= need;
    bitCount -= need;
    return value;
  };
  const decode = (code: Code): number => {
    let value = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      value |= bits(1);
      const count = code.counts[len]!;
      if (value - first < count) return code.symbols[index + value - first]!;
      index += count;
      first = (first + count) * 2;
      value *= 2;
    }
    throw new Stop("corrupt");
  };
  /** Room for `more` bytes, or the cap is passed and the whole read stops. */
  const reserve = (more: number) => {
    const needed = length + more;
    if (needed > maxBytes) throw new Stop("too_large");
    if (needed <= out.length) return;
    const grown = new Uint8Array(Math.min(maxBytes, Math.max(needed, out.length * 2)));
    grown.set(out.subarray(0, length));
    out = grown;
  };

  const stored = () => {
    bitBuffer = 0;
    bitCount = 0;
    if (position + 4 > data.length) throw new Stop("corrupt");
    const size = data[position]! | (data[position + 1]! << 8);
    const check = data[position + 2]! | (data[position + 3]! << 8);
    position += 4;
    if (size !== (~check & 0xffff) || position + size > data.length) throw new Stop("corrupt");
    reserve(size);
    out.set(data.subarray(position, position + size), length);
    length += size;
    position += size;
  };

  const dynamicCodes = (): { literals: Code; distances: Code } => {
    const literalCount = bits(5) + 257;
    const distanceCount = bits(5) + 1;
    const lengthCodeCount = bits(4) + 4;
    if (literalCount > 286 || distanceCount > 30) throw new Stop("corrupt");
    const lengthLengths = new Uint8Array(19);
    for (let i = 0; i < lengthCodeCount; i++) lengthLengths[CODE_LENGTH_ORDER[i]!] = bits(3);
    const lengthCode = buildCode(lengthLengths);
    const lengths = new Uint8Array(literalCount + distanceCount);
    for (let i = 0; i < lengths.length; ) {
      const symbol = decode(lengthCode);
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (symbol === 16) {
        if (i === 0) throw new Stop("corrupt");
        value = lengths[i - 1]!;
        repeat = 3 + bits(2);
      } else if (symbol === 17) repeat = 3 + bits(3);
      else repeat = 11 + bits(7);
      if (i + repeat > lengths.length) throw new Stop("corrupt");
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) throw new Stop("corrupt");
    return {
      literals: buildCode(lengths.subarray(0, literalCount)),
      distances: buildCode(lengths.subarray(literalCount)),
    };
  };

  const compressed = (codes: { literals: Code; distances: Code }) => {
    for (;;) {
      const symbol = decode(codes.literals);
      if (symbol < 256) {
        reserve(1);
        out[length++] = symbol;
        continue;
      }
      if (symbol === 256) return;
      const lengthIndex = symbol - 257;
      if (lengthIndex >= 29) throw new Stop("corrupt");
      const copy = LENGTH_BASE[lengthIndex]! + bits(LENGTH_EXTRA[lengthIndex]!);
      const distanceIndex = decode(codes.distances);
      if (distanceIndex >= 30) throw new Stop("corrupt");
      const distance = DISTANCE_BASE[distanceIndex]! + bits(DISTANCE_EXTRA[distanceIndex]!);
      if (distance > length) throw new Stop("corrupt");
      reserve(copy);
      // Byte by byte: a copy may overlap what it writes (distance 1 repeats one byte).
      for (let k = 0; k < copy; k++, length++) out[length] = out[length - distance]!;
    }
  };

  try {
    let last = 0;
    while (!last) {
      last = bits(1);
      const type = bits(2);
      if (type === 0) stored();
      else if (type === 1) compressed(fixedCodes());
      else if (type === 2) compressed(dynamicCodes());
      else throw new Stop("corrupt");
    }
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problem: error.problem };
    throw error;
  }
  return { ok: true, value: out.slice(0, length) };
}
