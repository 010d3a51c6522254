/**
 * What an admin may send as a plan, and its text. Offices send .docx or the signed
 * PDF; a .txt or Markdown conversion also works. Everything else gets a reason the
 * bot can turn into "send this instead": scanned PDFs and photos have no text to
 * read, an old .doc needs saving as .docx. The PDF reader (core/pdf, with pdf.js) is
 * loaded only when a PDF arrives.
 */
import { readDocx, isOleFile } from "../docx";
import { cleanFileName } from "../text/file-name";

/** Telegram lets bots download 20 MB; a plan's text is far below 2 MB even as .docx. */
export const PLAN_FILE_MAX_BYTES = 2 * 1024 * 1024;
/**
 * Signed PDFs carry embedded fonts, the seal and signature images and the signature
 * itself: a 20-page plan is 0.7–1 MB, one with scanned annexes several MB. 10 MB keeps
 * them while the reader's memory (the file, pdf.js's copy and its parsed objects, a
 * few times the file) stays well under the Worker's 128 MB; Telegram's 20 MB would not.
 */
export const PDF_FILE_MAX_BYTES = 10 * 1024 * 1024;

export type PlanFileRejection =
  | "empty"
  | "too_large"
  /** A PDF over PDF_FILE_MAX_BYTES. */
  | "pdf_too_large"
  /** A PDF with no text layer: a scan. */
  | "pdf_scanned"
  | "pdf_encrypted"
  /** Not a PDF a reader can open (truncated, damaged). */
  | "pdf_broken"
  /** Past the reader's limits on pages, objects, nesting or inflated size (a PDF bomb). */
  | "pdf_too_complex"
  /** Fonts without a character mapping that could not be recovered: the text would be gibberish. */
  | "pdf_unreadable_font"
  | "image"
  /** Word 97–2003 .doc, or a password-protected .docx (both OLE containers). */
  | "legacy_word"
  /** A zip that is not a Word document: .xlsx, .pptx, .odt, a plain archive. */
  | "not_word"
  /** Named .docx, but not a readable archive. */
  | "broken_docx"
  | "encrypted"
  /** The .docx inflates beyond what we read (a zip bomb or an enormous document). */
  | "docx_too_large"
  /** Not text: a program, an archive, or text in a legacy encoding (TCVN3, VNI). */
  | "binary"
  /** A kind we do not read at all (.xls, .ppt, .rtf, .html, no extension …): only .docx, .txt, .md are. */
  | "unsupported";

export interface PlanFileInfo {
  name: string | null;
  mime: string | null;
  size: number | null;
}

export type PlanSource = { ok: true; text: string; kind: "docx" | "pdf" | "text" } | { ok: false; reason: PlanFileRejection };

/** The only kinds read as a plan: anything else is refused by its name, even if its bytes are text. */
const TEXT_EXTENSIONS = new Set(["txt", "md"]);
const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp", "tif", "tiff"]);
const OTHER_OFFICE = new Set(["xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "pages", "zip", "rar", "7z"]);

function extensionOf(name: string | null): string {
  return /\.([A-Za-z0-9]{1,10})$/.exec(cleanFileName(name) ?? "")?.[1]?.toLowerCase() ?? "";
}

/**
 * Judges a file from what Telegram says about it, before downloading: the kinds we
 * can never read and oversized files are refused without fetching a byte.
 */
export function precheckPlanFile(file: PlanFileInfo): PlanFileRejection | null {
  const ext = extensionOf(file.name);
  const mime = (file.mime ?? "").toLowerCase();
  if (file.size === 0) return "empty";
  if (ext === "pdf" || mime === "application/pdf")
    return file.size !== null && file.size > PDF_FILE_MAX_BYTES ? "pdf_too_large" : null;
  if (file.size !== null && file.size > PLAN_FILE_MAX_BYTES) return "too_large";
  if (IMAGE_EXTENSIONS.has(ext) || mime.startsWith("image/")) return "image";
  if (ext === "doc" || mime === "application/msword") return "legacy_word";
  if (OTHER_OFFICE.has(ext))
    return ext === "xlsx" || ext === "pptx" || ext === "odt" || ext === "ods" || ext === "odp" || ext === "zip"
      ? "not_word"
      : "unsupported";
  if (mime.startsWith("video/") || mime.startsWith("audio/")) return "unsupported";
  // A file with no extension may still be a photo or PDF, told by its bytes after download.
  if (ext !== "" && ext !== "docx" && !TEXT_EXTENSIONS.has(ext)) return "unsupported";
  return null;
}

/** The most bytes worth fetching for a file of this name and type. */
export function maxPlanFileBytes(file: Pick<PlanFileInfo, "name" | "mime">): number {
  const pdf = extensionOf(file.name) === "pdf" || (file.mime ?? "").toLowerCase() === "application/pdf";
  return pdf ? PDF_FILE_MAX_BYTES : PLAN_FILE_MAX_BYTES;
}

const PDF_REASONS = {
  no_text: "pdf_scanned",
  encrypted: "pdf_encrypted",
  broken: "pdf_broken",
  too_complex: "pdf_too_complex",
  unreadable_font: "pdf_unreadable_font",
} as const satisfies Record<string, PlanFileRejection>;

/** The text of a downloaded plan file; the bytes decide over the name (a renamed PDF is still a PDF). */
export async function readPlanFile(file: PlanFileInfo, bytes: Uint8Array): Promise<PlanSource> {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  const sniffed = sniff(bytes);
  if (sniffed === "pdf") {
    if (bytes.length > PDF_FILE_MAX_BYTES) return { ok: false, reason: "pdf_too_large" };
    const { readPdf } = await import("../pdf/read");
    const pdf = await readPdf(bytes);
    return pdf.ok ? { ok: true, text: pdf.text, kind: "pdf" } : { ok: false, reason: PDF_REASONS[pdf.problem] };
  }
  if (bytes.length > PLAN_FILE_MAX_BYTES) return { ok: false, reason: "too_large" };
  if (sniffed === "image") return { ok: false, reason: sniffed };
  if (sniffed === "ole") return { ok: false, reason: "legacy_word" };

  const ext = extensionOf(file.name);
  if (ext === "pdf") return { ok: false, reason: "pdf_broken" };
  // Only .docx, .txt and .md are read, whatever the bytes: a known other kind gets its own reason.
  if (ext !== "docx" && !TEXT_EXTENSIONS.has(ext))
    return { ok: false, reason: precheckPlanFile({ ...file, size: bytes.length }) ?? "unsupported" };
  if (sniffed === "zip") {
    const docx = await readDocx(bytes);
    if (docx.ok) return docx.text.trim() === "" ? { ok: false, reason: "empty" } : { ok: true, text: docx.text, kind: "docx" };
    const reasons: Record<typeof docx.problem, PlanFileRejection> = {
      not_zip: "broken_docx",
      corrupt: "broken_docx",
      legacy_or_protected: "legacy_word",
      no_document: ext === "docx" ? "broken_docx" : "not_word",
      encrypted: "encrypted",
      too_large: "docx_too_large",
    };
    return { ok: false, reason: reasons[docx.problem] };
  }
  if (ext === "docx") return { ok: false, reason: "broken_docx" };
  const pre = precheckPlanFile({ ...file, size: bytes.length });
  if (pre) return { ok: false, reason: pre };

  const text = decodeText(bytes);
  if (text === null) return { ok: false, reason: "binary" };
  if (text.trim() === "") return { ok: false, reason: "empty" };
  if (!TEXT_EXTENSIONS.has(ext)) return { ok: false, reason: "unsupported" };
  return { ok: true, text: text.normalize("NFC"), kind: "text" };
}

function sniff(bytes: Uint8Array): "pdf" | "image" | "zip" | "ole" | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const ascii = (at: number, text: string) => [...text].every((char, i) => bytes[at + i] === char.charCodeAt(0));
  // Readers accept the header anywhere in the first kilobyte (some mail gateways prepend bytes).
  if (latinHead(bytes).includes("%PDF-")) return "pdf";
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "zip";
  if (isOleFile(bytes)) return "ole";
  if (
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    starts(0xff, 0xd8, 0xff) || // JPEG
    ascii(0, "GIF8") ||
    (ascii(0, "RIFF") && ascii(8, "WEBP")) ||
    starts(0x49, 0x49, 0x2a, 0x00) || // TIFF, little-endian
    starts(0x4d, 0x4d, 0x00, 0x2a) || // TIFF, big-endian
    (ascii(4, "ftyp") && (ascii(8, "heic") || ascii(8, "heix") || ascii(8, "mif1")))
  ) {
    return "image";
  }
  return null;
}

function latinHead(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes.subarray(0, 1024)) text += String.fromCharCode(byte);
  return text;
}

/** UTF-8 (with or without BOM) or UTF-16 with BOM; null for anything else (binary, TCVN3, VNI). */
function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) return null;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    // Control characters other than tab, newline, carriage return and form feed mean a binary file.
    const controls = text.slice(0, 8192).match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
    return controls > 8 ? null : text;
  } catch {
    return null;
  }
}
