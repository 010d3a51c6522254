import type { LinkMaker } from "../bot/context";
import type { Env } from "./env";
import { signToken } from "./signed-token";

/** Download links live an hour: long enough to open on a phone, short enough that a forwarded one dies. */
const DOWNLOAD_TTL_MS = 60 * 60 * 1000;

export function linkSecret(env: Env): string {
  const secret = env.LINK_SECRET ?? env.TELEGRAM_WEBHOOK_SECRET ?? env.ZALO_WEBHOOK_SECRET;
  if (!secret) throw new Error("LINK_SECRET is not configured");
  return secret;
}

export function publicUrl(env: Env): string {
  return (env.PUBLIC_URL ?? "http://localhost:8787").replace(/\/+$/, "");
}

/** Signed links to files kept in R2, served by GET /files/:token. */
export function fileLinks(env: Env): LinkMaker {
  return {
    async download(key, name) {
      const token = await signToken(linkSecret(env), "file", { k: key, n: name }, Date.now() + DOWNLOAD_TTL_MS);
      return `${publicUrl(env)}/files/${token}`;
    },
  };
}
