/**
 * File names come from the sender's device: a right-to-left override (U+202E)
 * makes "hoach\u202Etxt.exe" display as "hoachexe.txt". Bidi controls and other
 * control characters are removed before a name is checked, shown or stored.
 */
const INVISIBLE = /[\u0000-\u001f\u007f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

export function cleanFileName(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const cleaned = name.replace(INVISIBLE, "").normalize("NFC").trim();
  return cleaned === "" ? null : cleaned;
}
