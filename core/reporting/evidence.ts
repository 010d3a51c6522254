/**
 * Evidence officials attach to a report: documents and photos, kept by their
 * Telegram file_id so admins can open them later. Bots can download files up
 * to 20 MB, so a larger file could never be opened again.
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;

const acceptedMime = [
  /^application\/pdf$/,
  /^image\/(jpeg|png|webp|heic)$/,
  /^application\/msword$/,
  /^application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet|presentationml\.presentation)$/,
  /^application\/vnd\.ms-(excel|powerpoint)$/,
  /^application\/vnd\.oasis\.opendocument\.(text|spreadsheet)$/,
];
const acceptedExtension = /\.(pdf|jpe?g|png|webp|heic|docx?|xlsx?|pptx?|odt|ods)$/i;

export interface EvidenceCandidate {
  kind: "document" | "photo";
  name: string | null;
  mime: string | null;
  size: number | null;
}

export type EvidenceRejection = "too_large" | "unsupported_type" | "too_many";

export function checkEvidence(file: EvidenceCandidate, alreadyAttached: number): EvidenceRejection | null {
  if (alreadyAttached >= EVIDENCE_MAX_FILES) return "too_many";
  if (file.size !== null && file.size > EVIDENCE_MAX_BYTES) return "too_large";
  if (file.kind === "photo") return null;
  const mimeOk = file.mime !== null && acceptedMime.some((m) => m.test(file.mime!));
  const nameOk = file.name !== null && acceptedExtension.test(file.name);
  return mimeOk || nameOk ? null : "unsupported_type";
}
