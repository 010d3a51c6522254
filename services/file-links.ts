import type { LinkMaker } from "../bot/context";
import { fileDownloadLink, officialFormLink } from "./links";
import type { Env } from "./env";

/** Signed links to files kept in R2 (GET /web/tep/:token) and to the officials' web forms. */
export function fileLinks(env: Env): LinkMaker {
  return {
    download: (key, name) => fileDownloadLink(env, key, name),
    reportForm: (memberId, assignmentId, kind) => officialFormLink(env, memberId, assignmentId, kind),
  };
}
