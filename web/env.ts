import type { Env } from "../services/env";
import type { SessionMember } from "../db/queries/web-sessions";
import type { PlanInfo } from "../db/queries/plans";

/** The signed-in member; for the office also the plans they follow (the picker) and the plan the page shows. */
export interface WebViewer extends SessionMember {
  plans?: PlanInfo[];
  planId?: number | null;
}

/** What the web routes share: the Worker's bindings and, behind the login, the signed-in member. */
export interface WebEnv {
  Bindings: Env;
  Variables: {
    viewer: WebViewer;
    sessionHash: string;
    /** The plan named in the address (/web/ke-hoach/:planId/…), once the policy let the viewer read it. */
    plan: PlanInfo;
    /** How the viewer reads that plan: as its own office, or only through a plan above it (read only). */
    planAccess: "own" | "chain";
  };
}
