/**
 * Signed, expiring tokens for links sent in chat (web login, upload and
 * download links): `<base64url payload>.<base64url HMAC-SHA256>`. The payload
 * is JSON with `exp` (ms since epoch); a token is valid only for the purpose
 * it was signed for, so a download link cannot be replayed as a login.
 */
const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const keys = new Map<string, Promise<CryptoKey>>();
function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, key);
  }
  return key;
}

export async function signToken(
  secret: string,
  purpose: string,
  payload: Record<string, unknown>,
  expiresAtMs: number,
): Promise<string> {
  const body = base64url(encoder.encode(JSON.stringify({ ...payload, p: purpose, exp: expiresAtMs })));
  const mac = await crypto.subtle.sign("HMAC", await keyFor(secret), encoder.encode(body));
  return `${body}.${base64url(new Uint8Array(mac))}`;
}

export type TokenCheck<T> = { ok: true; payload: T } | { ok: false; reason: "malformed" | "forged" | "expired" };

/** Verifies the MAC (constant time, by WebCrypto), the purpose and the expiry. */
export async function verifyToken<T extends Record<string, unknown>>(
  secret: string,
  purpose: string,
  token: string,
  nowMs: number,
): Promise<TokenCheck<T>> {
  if (token.length > 2048) return { ok: false, reason: "malformed" };
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined) return { ok: false, reason: "malformed" };
  const macBytes = fromBase64url(mac);
  const bodyBytes = fromBase64url(body);
  if (!macBytes || !bodyBytes) return { ok: false, reason: "malformed" };
  const valid = await crypto.subtle.verify("HMAC", await keyFor(secret), macBytes, encoder.encode(body));
  if (!valid) return { ok: false, reason: "forged" };
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(new TextDecoder().decode(bodyBytes)) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (payload.p !== purpose) return { ok: false, reason: "forged" };
  if (typeof payload.exp !== "number" || payload.exp < nowMs) return { ok: false, reason: "expired" };
  return { ok: true, payload: payload as T };
}
