import { describe, expect, it } from "vitest";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";
import { inflate } from "../../core/compression/inflate";
import { deflateRaw } from "../../scripts/lib/docx-builder";

const inflateRaw = (data: Uint8Array, maxBytes: number) => inflate(data, { maxBytes, format: "raw", damaged: "fail" });

/** Deterministic pseudo-random 32-bit words (xorshift), each made into a byte by `byte`. */
function randomBytes(n: number, byte: (word: number) => number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = byte(x >>> 0);
  }
  return out;
}

/** Bytes no compressor can shrink: deflate writes them as stored blocks. */
const noise = (n: number) => randomBytes(n, (word) => word & 0xff);
/** Bytes drawn with halving odds (byte k about 2^-k of the time): the rare ones get the longest codes deflate allows. */
const skewed = (n: number) => randomBytes(n, (word) => Math.min(255, Math.clz32(word || 1)));

describe("inflate reads what the platform's deflate writes", () => {
  const text = new TextEncoder().encode(yenDung);
  it.each([
    ["the reference plan (dynamic Huffman blocks)", text],
    ["a few bytes (fixed Huffman)", new TextEncoder().encode("Kế hoạch")],
    ["incompressible bytes (stored blocks)", noise(200_000)],
    ["long runs (overlapping copies)", new Uint8Array(300_000).fill(65)],
    ["skewed bytes (Huffman codes of up to 15 bits)", skewed(200_000)],
    ["nothing", new Uint8Array(0)],
  ])("%s", async (_what, input) => {
    const inflated = inflateRaw(await deflateRaw(input), 16 * 1024 * 1024);
    expect(inflated.ok).toBe(true);
    if (inflated.ok) expect(Buffer.from(inflated.bytes).equals(Buffer.from(input))).toBe(true);
  });

  it("stops at the cap, and refuses damaged input", async () => {
    const deflated = await deflateRaw(text);
    expect(inflateRaw(deflated, text.length)).toMatchObject({ ok: true });
    expect(inflateRaw(deflated, text.length - 1)).toMatchObject({ ok: false, problem: "too_large" });
    expect(inflateRaw(deflated.slice(0, deflated.length >> 1), text.length)).toMatchObject({ ok: false, problem: "corrupt" });
    expect(inflateRaw(new Uint8Array([0xff, 0xff, 0xff]), 100)).toMatchObject({ ok: false, problem: "corrupt" });
  });

  it("stops inside a long match that passes the cap, counting or keeping", async () => {
    const runs = await deflateRaw(new Uint8Array(300_000).fill(65));
    for (const keep of [true, false]) {
      expect(inflate(runs, { maxBytes: 300_000, format: "raw", damaged: "fail", keep })).toMatchObject({
        ok: true,
        size: 300_000,
      });
      const over = inflate(runs, { maxBytes: 299_999, format: "raw", damaged: "fail", keep });
      expect(over).toMatchObject({ ok: false, problem: "too_large" });
      expect(over.size).toBe(300_000);
    }
  });

  it("keeps what came out before damage when asked to, as PDF readers do", async () => {
    const deflated = await deflateRaw(text);
    const kept = inflate(deflated.slice(0, deflated.length >> 1), { maxBytes: text.length, format: "raw", damaged: "keep" });
    expect(kept.ok).toBe(true);
    if (kept.ok) {
      expect(kept.bytes.length).toBeGreaterThan(0);
      expect(Buffer.from(text.subarray(0, kept.bytes.length)).equals(Buffer.from(kept.bytes))).toBe(true);
    }
  });
});
