/**
 * What the Worker may fetch when Zalo hands it a photo's URL, and what it may
 * keep. The URL comes in an update anyone can shape, so it is checked before
 * any request: https on one of Zalo's file hosts (ZALO_PHOTO_HOSTS), never an
 * IP literal, loopback, private or link-local address. What comes back is
 * kept only if its bytes are a JPEG, PNG, WebP or GIF, and stored with that
 * type, never the server's (an SVG carrying a script was stored as sent).
 */

/** Zalo's file hosts (ZALO_PHOTO_HOSTS): a leading dot allows the domain's subdomains. */
export const ZALO_PHOTO_HOSTS_DEFAULT = ".zdn.vn,.zadn.vn";

export interface PhotoHosts {
  /** Host names (".zdn.vn": any subdomain of zdn.vn) and, for local runs only, whole origins ("http://127.0.0.1:8791"). */
  allowed: string[];
  /** A local run (the fake Zalo API serves photos over http on 127.0.0.1): whole origins in the list are honoured. */
  local: boolean;
}

export function parsePhotoHosts(value: string | undefined, local: boolean): PhotoHosts {
  const allowed = (value ?? ZALO_PHOTO_HOSTS_DEFAULT)
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return { allowed, local };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Whether a photo may be fetched from this URL. */
export function photoUrlAllowed(raw: string, hosts: PhotoHosts): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  // A local run's fake API, named by its whole origin in the list: nothing else gets past this line over http or by IP.
  if (hosts.local && hosts.allowed.includes(url.origin.toLowerCase())) return true;
  if (url.protocol !== "https:" || url.port !== "") return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[") || IPV4.test(host) || /^\d+$/.test(host) || /^0x/i.test(host)) return false;
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return false;
  return hosts.allowed.some((entry) =>
    entry.startsWith(".") ? host.endsWith(entry) && host.length > entry.length : !entry.includes("://") && host === entry,
  );
}

export interface PhotoType {
  mime: "image/jpeg" | "image/png" | "image/webp" | "image/gif";
  extension: "jpg" | "png" | "webp" | "gif";
}

/** The image type the bytes themselves say, or null for anything else (SVG, HTML, PDF…). */
export function sniffPhoto(bytes: Uint8Array): PhotoType | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  const ascii = (at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (starts(0xff, 0xd8, 0xff)) return { mime: "image/jpeg", extension: "jpg" };
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { mime: "image/png", extension: "png" };
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return { mime: "image/gif", extension: "gif" };
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return { mime: "image/webp", extension: "webp" };
  return null;
}
