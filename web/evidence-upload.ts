/**
 * Files an official hands in on the web: checked by the chat's own rules
 * (core/reporting/evidence), then kept in R2 and referred to as "r2:<key>"
 * in the same Evidence list the chat fills with Telegram file_ids.
 */
import { checkEvidence, EVIDENCE_MAX_FILES, type EvidenceRejection } from "../core/reporting/evidence";
import { contentMatchesName, SNIFF_BYTES } from "../core/files/sniff";
import type { Evidence } from "../db/schema";

export type Upload =
  | { ok: true; evidence: Evidence[]; keys: string[] }
  | { ok: false; reason: EvidenceRejection | "storage" | "content_mismatch"; file: string | null };

export function filesOf(value: unknown): File[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  // An empty file input still sends one part with no name and no bytes.
  return list.filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""));
}

export async function storeEvidence(bucket: R2Bucket | undefined, assignmentId: number, files: File[]): Promise<Upload> {
  for (const [i, file] of files.entries()) {
    // Checked as documents: a browser's photo is a file with a name and a type, unlike Telegram's compressed photos.
    const refused =
      i >= EVIDENCE_MAX_FILES
        ? "too_many"
        : checkEvidence({ kind: "document", name: file.name, mime: file.type || null, size: file.size }, i);
    if (refused) return { ok: false, reason: refused, file: file.name };
    // The name and the browser's type are only claims: the first bytes must be a PDF, an Office file or an image, as named.
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    if (!contentMatchesName(file.name, head)) return { ok: false, reason: "content_mismatch", file: file.name };
  }
  if (files.length === 0) return { ok: true, evidence: [], keys: [] };
  if (!bucket) return { ok: false, reason: "storage", file: null };
  const evidence: Evidence[] = [];
  const keys: string[] = [];
  for (const file of files) {
    const safe =
      file.name
        .normalize("NFC")
        .replace(/[^\p{L}\p{N}._-]+/gu, "-")
        .slice(-80) || "tep";
    const key = `evidence/${assignmentId}/${crypto.randomUUID()}/${safe}`;
    await bucket.put(key, file.stream(), {
      httpMetadata: { contentType: file.type || "application/octet-stream" },
      customMetadata: { name: file.name },
    });
    keys.push(key);
    evidence.push({
      fileId: `r2:${key}`,
      kind: file.type.startsWith("image/") ? "photo" : "document",
      name: file.name,
      mime: file.type || null,
      size: file.size,
    });
  }
  return { ok: true, evidence, keys };
}
