import { sniffKind } from "../core/files/sniff";
import type { Env } from "./env";
import { fileLinks } from "./file-links";

/** A photo from Zalo as evidence: the same ceiling as a Telegram photo. */
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Fetches a photo a person sent on Zalo and keeps it in R2 (its URL expires),
 * reading at most PHOTO_MAX_BYTES whatever the server claims. Returns the
 * object's key, or null when it could not be fetched or is not an image.
 */
export async function keepPhoto(bucket: R2Bucket, url: string, memberId: number): Promise<string | null> {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok || !response.body) return null;
    const type = response.headers.get("content-type") ?? "image/jpeg";
    if (!type.startsWith("image/")) return null;
    const bytes = await readCapped(response.body, PHOTO_MAX_BYTES);
    // Judged by its bytes, not the server's content-type.
    if (!bytes || sniffKind(bytes) !== "image") return null;
    const key = `evidence/zalo/${memberId}/${crypto.randomUUID()}.jpg`;
    await bucket.put(key, bytes, { httpMetadata: { contentType: type } });
    return key;
  } catch {
    return null;
  }
}

async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** An export for a chat that cannot take documents: kept in R2, handed out as a signed link. */
export async function storeExport(env: Env, file: { bytes: Uint8Array; name: string; mime: string }): Promise<string> {
  if (!env.FILES) throw new Error("FILES bucket is not bound");
  const key = `exports/${crypto.randomUUID()}/${file.name}`;
  await env.FILES.put(key, file.bytes, { httpMetadata: { contentType: file.mime } });
  return fileLinks(env).download(key, file.name);
}
