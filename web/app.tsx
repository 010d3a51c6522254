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
import type { WebEnv } from "./env";
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
import { importRoutes } from "./routes/import";
import { taskEditRoutes } from "./routes/task-edit";

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
web.route("/", importRoutes);
web.route("/", taskEditRoutes);

web.notFound((c) => c.html(<MessagePage title={t.errors.title} message={t.errors.notFound} />, 404));

web.onError((error, c) => {
  if (error instanceof HTTPException && error.status === 403) {
    return c.html(<MessagePage title={t.errors.title} message={t.errors.csrf} />, 403);
  }
  if (error instanceof HTTPException)
    return c.html(<MessagePage title={t.errors.title} message={error.message || t.errors.forbidden} />, error.status);
  console.error("web back office error", error);
  return c.html(<MessagePage title={t.errors.title} message={t.errors.server} />, 500);
});
