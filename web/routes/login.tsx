/** @jsxImportSource hono/jsx */
import { type Context, Hono } from "hono";
import { loginTokenState, revokeSession, useLoginToken } from "../../db/queries/web-sessions";
import { verifyToken } from "../../services/signed-token";
import type { WebEnv } from "../env";
import { randomSecret, sha256Hex } from "../../services/hash";
import { MessagePage, Page } from "../layout";
import { linkSecret, purposes } from "../../services/links";
import { clearSessionCookie, requireCsrfField, requireSession, SESSION_HOURS, setSessionCookie } from "../session";
import { webTexts as t } from "../texts";

/**
 * The one-time link from /web opens a page with a button; only its POST uses
 * the link and starts a session. A chat app's link preview (Zalo's cannot be
 * turned off) fetches the page with a GET and so uses nothing up. The POST is
 * checked for its origin like every POST (web/app.tsx): another site cannot
 * sign someone in with its own link.
 */
export const loginRoutes = new Hono<WebEnv>();

/** The link's token, checked (signature, expiry, not yet used) without using it. */
async function checkLink(c: Context<WebEnv>, token: string, now: Date) {
  const checked = await verifyToken(linkSecret(c.env), purposes.login, token, now.getTime());
  if (!checked.ok) return checked.reason === "expired" ? "expired" : "invalid";
  const state = await loginTokenState(c.env.DB, await sha256Hex(token), now.toISOString());
  return state === "live" ? null : state;
}

function refused(c: Context<WebEnv>, reason: "expired" | "invalid" | "used" | "unknown") {
  const message = reason === "used" ? t.login.used : reason === "expired" ? t.login.expired : t.login.invalid;
  return c.html(<MessagePage title={t.login.title} message={message} />, reason === "used" || reason === "expired" ? 410 : 400);
}

loginRoutes.get("/dang-nhap", async (c) => {
  const token = c.req.query("t") ?? "";
  const problem = await checkLink(c, token, new Date());
  if (problem) return refused(c, problem);
  return c.html(
    <Page title={t.login.title}>
      <p>{t.login.confirm}</p>
      <form method="post" action="/web/dang-nhap">
        <input type="hidden" name="t" value={token} />
        <button type="submit">{t.login.button}</button>
      </form>
    </Page>,
  );
});

loginRoutes.post("/dang-nhap", async (c) => {
  const body = await c.req.parseBody();
  const token = typeof body.t === "string" ? body.t : "";
  const now = new Date();
  const checked = await verifyToken(linkSecret(c.env), purposes.login, token, now.getTime());
  if (!checked.ok) return refused(c, checked.reason === "expired" ? "expired" : "invalid");
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
  if (!used.ok) return refused(c, used.reason);
  setSessionCookie(c, secret);
  return c.redirect("/web", 303);
});

loginRoutes.post("/dang-xuat", requireSession, requireCsrfField, async (c) => {
  await revokeSession(c.env.DB, c.var.sessionHash, new Date().toISOString());
  clearSessionCookie(c);
  return c.html(<MessagePage title={t.nav.logout} message={t.login.loggedOut} kind="ok" />);
});
