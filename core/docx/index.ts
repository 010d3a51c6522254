/**
 * Reads the text of a .docx inside the Worker: no external service, no
 * dependency. Errors a user can cause (not a Word file, password, zip bomb)
 * come back as values for the bot to explain.
 */
import { documentText } from "./document";
import { readNumbering, styleNumbering } from "./numbering";
import type { XmlProblem } from "./xml";
import { readZipEntry, zipEntries, type ZipEntry } from "./zip";

export type DocxProblem =
  /** Not a zip archive at all (a renamed file, an old .doc, a PDF). */
  | "not_zip"
  /** An OLE compound file: a Word 97–2003 .doc, or a .docx protected by a password (Office wraps those in OLE). */
  | "legacy_or_protected"
  /** A zip, but not a Word document (no word/document.xml). */
  | "no_document"
  | "encrypted"
  /** The document part inflates past the limit, or nests deeper than any real document. */
  | "too_large"
  /** Truncated or damaged archive, compression we do not read, or malformed XML. */
  | "corrupt";

export type DocxResult = { ok: true; text: string } | { ok: false; problem: DocxProblem };

/** Inflated XML allowed for the document part: plans run to a few MB; a Worker has 128 MB. */
export const DOCX_MAX_XML_BYTES = 16 * 1024 * 1024;
const SIDE_PART_MAX_BYTES = 2 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, i) => bytes[i] === byte);
}

export async function readDocx(bytes: Uint8Array, maxXmlBytes = DOCX_MAX_XML_BYTES): Promise<DocxResult> {
  if (isOleFile(bytes)) return { ok: false, problem: "legacy_or_protected" };
  const listed = zipEntries(bytes);
  if (!listed.ok) return { ok: false, problem: listed.problem === "not_zip" ? "not_zip" : "corrupt" };
  const entries = listed.value;
  const main = entries.get("word/document.xml");
  if (!main) return { ok: false, problem: "no_document" };

  const document = await readPart(bytes, main, maxXmlBytes);
  if (!document.ok) return document;
  // Numbering and styles only add list labels, but one that is present and cannot be read
  // (inflates past its limit, damaged) is refused like the document: ignoring it let a
  // hostile numbering.xml through.
  const numbering = await optionalPart(bytes, entries.get("word/numbering.xml"));
  if (!numbering.ok) return numbering;
  const styles = await optionalPart(bytes, entries.get("word/styles.xml"));
  if (!styles.ok) return styles;
  // Malformed XML (an unclosed element, a DOCTYPE) or absurd nesting in any part is refused:
  // Word never writes it, and guessing at it is how a 4 KB file used to cost 90 s of CPU.
  const numbers = readNumbering(numbering.text);
  if (!numbers.ok) return refused(numbers.problem);
  const styled = styleNumbering(styles.text);
  if (!styled.ok) return refused(styled.problem);
  const text = documentText(document.text, numbers.value, styled.value);
  return text.ok ? text : refused(text.problem);
}

function refused(problem: XmlProblem): DocxResult {
  return { ok: false, problem: problem === "too_deep" ? "too_large" : "corrupt" };
}

async function readPart(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Promise<DocxResult> {
  const read = await readZipEntry(bytes, entry, maxBytes);
  if (!read.ok)
    return { ok: false, problem: read.problem === "unsupported" || read.problem === "not_zip" ? "corrupt" : read.problem };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(read.value) };
  } catch {
    return { ok: false, problem: "corrupt" };
  }
}

async function optionalPart(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
): Promise<{ ok: true; text: string | null } | { ok: false; problem: DocxProblem }> {
  if (!entry) return { ok: true, text: null };
  return readPart(bytes, entry, SIDE_PART_MAX_BYTES);
}
