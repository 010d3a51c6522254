import type { LinkMaker } from "../bot/context";
import { fileDownloadLink } from "../web/links";
import type { Env } from "./env";

/** Signed links to files kept in R2, served by the back office (GET /web/tep/:token). */
export function fileLinks(env: Env): LinkMaker {
  return { download: (key, name) => fileDownloadLink(env, key, name) };
}
