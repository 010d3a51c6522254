import type { Env } from "../services/env";
import type { SessionMember } from "../db/queries/web-sessions";

/** What the web routes share: the Worker's bindings and, behind the login, the signed-in member. */
export interface WebEnv {
  Bindings: Env;
  Variables: {
    viewer: SessionMember;
    sessionHash: string;
  };
}
