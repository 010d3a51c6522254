/**
 * What a file is, read from its first bytes rather than its name or the type
 * the browser claims: a renamed program or web page must not pass as a PDF.
 */
import { isOleFile } from "../docx";

export type SniffedKind = "pdf" | "image" | "zip" | "ole" | null;

/** The first 16 bytes are enough for every signature below. */
export const SNIFF_BYTES = 16;

export function sniffKind(bytes: Uint8Array): SniffedKind {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const ascii = (at: number, text: string) => [...text].every((char, i) => bytes[at + i] === char.charCodeAt(0));
  if (ascii(0, "%PDF")) return "pdf";
  // Office Open XML and OpenDocument files are zip archives.
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "zip";
  // Word 97–2003, Excel, PowerPoint.
  if (isOleFile(bytes)) return "ole";
  if (
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    starts(0xff, 0xd8, 0xff) || // JPEG
    (ascii(0, "RIFF") && ascii(8, "WEBP")) ||
    (ascii(4, "ftyp") && (ascii(8, "heic") || ascii(8, "heix") || ascii(8, "mif1")))
  )
    return "image";
  return null;
}

const kindOfExtension: Record<string, Exclude<SniffedKind, null>> = {
  pdf: "pdf",
  jpg: "image",
  jpeg: "image",
  png: "image",
  webp: "image",
  heic: "image",
  docx: "zip",
  xlsx: "zip",
  pptx: "zip",
  odt: "zip",
  ods: "zip",
  doc: "ole",
  xls: "ole",
  ppt: "ole",
};

/**
 * Whether an evidence file's content is what its name says: a PDF starts
 * with %PDF, a .docx is a zip, a photo an image. A name the list does not
 * know is judged by content alone (any of the kinds above).
 */
export function contentMatchesName(name: string, head: Uint8Array): boolean {
  const kind = sniffKind(head);
  if (kind === null) return false;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const expected = ext ? kindOfExtension[ext] : undefined;
  return expected === undefined || expected === kind;
}
