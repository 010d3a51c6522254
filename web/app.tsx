/** @jsxImportSource hono/jsx */
/**
 * The web back office, served by the same Worker under /web: Hono JSX pages,
 * no client script. Signed links (login, official forms, files) come before
 * the session check; everything else needs a session.
 */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { WebEnv, WebViewer } from "./env";
import { MessagePage } from "./layout";
import { loadPlans } from "./plan-context";
import { requireCsrfField, requireSession } from "./session";
import { stylesheet } from "./style";
import { webTexts as t } from "./texts";
import { loginRoutes } from "./routes/login";
import { officialFormRoutes } from "./routes/official-forms";
import { fileRoutes } from "./routes/files";
import { homeRoutes } from "./routes/home";
import { unitRoutes } from "./routes/units";
import { taskRoutes } from "./routes/tasks";
import { approvalRoutes } from "./routes/approvals";
import { peopleRoutes } from "./routes/people";
import { exportRoutes } from "./routes/export";
import { planReportRoutes } from "./routes/plan-report";
import { importRoutes } from "./routes/import";
import { taskEditRoutes } from "./routes/task-edit";
import { planChainRoutes } from "./routes/plan-chain";

export const web = new Hono<WebEnv>();

web.use(
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      styleSrc: ["'self'"],
      scriptSrc: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: "no-referrer",
  }),
);
// Origin / Sec-Fetch-Site check on every POST; forms also carry a per-session or signed token.
web.use(csrf());

web.get("/style.css", (c) =>
  c.body(stylesheet, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "max-age=3600" }),
);

web.route("/", loginRoutes);
web.route("/", officialFormRoutes);
web.route("/", fileRoutes);

web.use(requireSession, requireCsrfField, loadPlans);
web.route("/", homeRoutes);
web.route("/", unitRoutes);
web.route("/", taskRoutes);
web.route("/", approvalRoutes);
web.route("/", peopleRoutes);
web.route("/", exportRoutes);
web.route("/", planReportRoutes);
web.route("/", importRoutes);
web.route("/", taskEditRoutes);
web.route("/", planChainRoutes);

/** Any address nobody serves, in the Worker or under /web: a Vietnamese page with the way back. */
export const notFoundPage = (viewer?: WebViewer) =>
  new Response((<MessagePage title={t.errors.notFoundTitle} message={t.errors.notFound} viewer={viewer} />).toString(), {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

web.notFound((c) =>
  c.html(<MessagePage title={t.errors.notFoundTitle} message={t.errors.notFound} viewer={c.var.viewer} />, 404),
);

web.onError((error, c) => {
  if (error instanceof HTTPException && error.status === 403) {
    return c.html(<MessagePage title={t.errors.title} message={t.errors.csrf} />, 403);
  }
  // A request the server cannot read (a broken form body, a malformed address): 400 in Vietnamese, never the library's English.
  if ((error instanceof HTTPException && error.status === 400) || error instanceof URIError)
    return c.html(<MessagePage title={t.errors.badRequestTitle} message={t.errors.badRequest} viewer={c.var.viewer} />, 400);
  if (error instanceof HTTPException)
    return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={c.var.viewer} />, error.status);
  console.error("web back office error", error);
  return c.html(<MessagePage title={t.errors.title} message={t.errors.server} />, 500);
});
