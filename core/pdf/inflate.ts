import { inflate } from "../compression/inflate";

/** A PDF stream's FlateDecode, bounded: damaged data keeps what came out before it, as PDF readers do. */
export async function inflateBounded(data: Uint8Array, maxBytes: number, keep = true) {
  const inflated = inflate(data, { maxBytes, format: "zlib", keep, damaged: "keep" });
  if (!inflated.ok) return { ...inflated, problem: "too_large" as const };
  return inflated;
}
