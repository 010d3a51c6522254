/** @jsxImportSource hono/jsx */
/**
 * Sessions of the back office: an HttpOnly, Secure, SameSite=Lax cookie
 * holding a random secret (the row keeps its hash), 8 hours, re-checked on
 * every request against the session row and members.removed_at.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { sessionMember } from "../db/queries/web-sessions";
import type { WebEnv } from "./env";
import { sha256Hex } from "../services/hash";
import { MessagePage } from "./layout";
import { webTexts as t } from "./texts";

export const SESSION_COOKIE = "__Host-phien";
export const SESSION_HOURS = 8;

export function setSessionCookie(c: Context, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
}

/** Every page behind the login: no live session, a page saying how to get a link (401). */
export const requireSession: MiddlewareHandler<WebEnv> = async (c, next) => {
  const secret = getCookie(c, SESSION_COOKIE);
  const hash = secret ? await sha256Hex(secret) : null;
  const viewer = hash ? await sessionMember(c.env.DB, hash, new Date().toISOString()) : null;
  if (!viewer || !hash) {
    if (secret) clearSessionCookie(c);
    return c.html(<MessagePage title={t.login.title} message={t.login.needed} kind="notice" />, 401);
  }
  c.set("viewer", viewer);
  c.set("sessionHash", hash);
  await next();
};

/**
 * The per-session token every form carries in a hidden field: together with
 * the Origin check (hono/csrf) a forged cross-site POST gets 403 and writes nothing.
 */
export const requireCsrfField: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (c.req.method !== "POST") return next();
  const body = await c.req.parseBody({ all: true });
  const sent = body._csrf;
  if (typeof sent !== "string" || sent !== c.var.viewer.csrfToken) {
    return c.html(<MessagePage title={t.errors.title} message={t.errors.csrf} viewer={c.var.viewer} />, 403);
  }
  await next();
};
