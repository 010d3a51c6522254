import { normalizeText } from "../text/fold";

/**
 * Identifies a plan document by its text, not its bytes: the same plan sent
 * again, re-saved or with its lines wrapped differently, has the same hash, so
 * its second import is refused (plans.source_hash is unique).
 */
export async function sourceHash(text: string): Promise<string> {
  const canonical = normalizeText(text.replace(/\*+/g, ""));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}
