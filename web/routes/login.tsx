/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { revokeSession, useLoginToken } from "../../db/queries/web-sessions";
import { verifyToken } from "../../services/signed-token";
import type { WebEnv } from "../env";
import { randomSecret, sha256Hex } from "../../services/hash";
import { MessagePage } from "../layout";
import { linkSecret, purposes } from "../../services/links";
import { clearSessionCookie, requireCsrfField, requireSession, SESSION_HOURS, setSessionCookie } from "../session";
import { webTexts as t } from "../texts";

/** Opening the one-time link from /web starts a session; logging out ends it. */
export const loginRoutes = new Hono<WebEnv>();

loginRoutes.get("/dang-nhap", async (c) => {
  const token = c.req.query("t") ?? "";
  const now = new Date();
  const checked = await verifyToken(linkSecret(c.env), purposes.login, token, now.getTime());
  if (!checked.ok) {
    const expired = checked.reason === "expired";
    return c.html(
      <MessagePage title={t.login.title} message={expired ? t.login.expired : t.login.invalid} />,
      expired ? 410 : 400,
    );
  }
  const secret = randomSecret();
  const used = await useLoginToken(c.env.DB, {
    tokenHash: await sha256Hex(token),
    now: now.toISOString(),
    session: {
      idHash: await sha256Hex(secret),
      csrfToken: randomSecret(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    },
  });
  if (!used.ok) {
    const message = used.reason === "used" ? t.login.used : used.reason === "expired" ? t.login.expired : t.login.invalid;
    return c.html(<MessagePage title={t.login.title} message={message} />, used.reason === "unknown" ? 400 : 410);
  }
  setSessionCookie(c, secret);
  // The token must not linger in the address bar or the history.
  return c.redirect("/web", 303);
});

loginRoutes.post("/dang-xuat", requireSession, requireCsrfField, async (c) => {
  await revokeSession(c.env.DB, c.var.sessionHash, new Date().toISOString());
  clearSessionCookie(c);
  return c.html(<MessagePage title={t.nav.logout} message={t.login.loggedOut} kind="ok" />);
});
