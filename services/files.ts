import { parsePhotoHosts, type PhotoHosts, photoUrlAllowed, sniffPhoto } from "../core/files/remote-photo";
import type { Env } from "./env";
import { fileLinks } from "./file-links";

/** A photo from Zalo as evidence: the same ceiling as a Telegram photo. */
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Fetches a photo a person sent on Zalo and keeps it in R2 (its URL expires),
 * reading at most PHOTO_MAX_BYTES whatever the server claims. Only from
 * Zalo's file hosts (core/files/remote-photo: https, no IP literal, loopback
 * or private address; no redirect followed), and only a JPEG, PNG, WebP or
 * GIF by its bytes, stored with that type. Returns the object's key, or null.
 */
export async function keepPhoto(bucket: R2Bucket, url: string, memberId: number, hosts: PhotoHosts): Promise<string | null> {
  if (!photoUrlAllowed(url, hosts)) return null;
  try {
    // A redirect could lead anywhere the allow-list does not: it is not followed.
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: "manual" });
    if (response.status !== 200 || !response.body) return null;
    const bytes = await readCapped(response.body, PHOTO_MAX_BYTES);
    const type = bytes && sniffPhoto(bytes);
    if (!bytes || !type) return null;
    const key = `evidence/zalo/${memberId}/${crypto.randomUUID()}.${type.extension}`;
    await bucket.put(key, bytes, { httpMetadata: { contentType: type.mime } });
    return key;
  } catch {
    return null;
  }
}

/** ZALO_PHOTO_HOSTS as this Worker reads it; whole origins only count in a local run (ALLOW_DEMO_SECRETS). */
export function photoHostsOf(env: Env): PhotoHosts {
  return parsePhotoHosts(env.ZALO_PHOTO_HOSTS, env.ALLOW_DEMO_SECRETS === "true");
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
