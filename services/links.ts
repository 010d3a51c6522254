/**
 * Links the chat sends that open the web back office: every one signed
 * (signed-token.ts) and expiring. The chat side calls these; the
 * routes in web/routes check them.
 */
import type { Env } from "./env";
import { signToken } from "./signed-token";
import { saveLoginToken } from "../db/queries/web-sessions";
import { sha256Hex } from "./hash";

export const LOGIN_LINK_MINUTES = 10;
/** Long enough to gather documents for a report, short enough that a forwarded link soon dies. */
export const FORM_LINK_HOURS = 4;
export const FILE_LINK_MINUTES = 60;

export const purposes = { login: "web-login", form: "web-form", file: "web-file" } as const;

export type FormKind = "progress" | "completion" | "extension";

export interface FormClaims extends Record<string, unknown> {
  /** member id */
  m: number;
  /** assignment id (report, completion, extension) */
  a?: number;
  /** target id (recording a value) */
  t?: number;
  k: FormKind | "target";
}

export interface FileClaims extends Record<string, unknown> {
  key: string;
  name: string;
}

export function linkSecret(env: Env): string {
  const secret = env.LINK_SECRET ?? env.TELEGRAM_WEBHOOK_SECRET ?? env.ZALO_WEBHOOK_SECRET;
  if (!secret) throw new Error("LINK_SECRET (or a webhook secret) is not set: signed links cannot be made");
  return secret;
}

export function publicUrl(env: Env): string {
  return (env.PUBLIC_URL ?? "http://localhost:8787").replace(/\/+$/, "");
}

/** A one-time login link, valid 10 minutes; its hash is stored so it can be used once. */
export async function loginLink(env: Env, memberId: number, now = new Date()): Promise<string> {
  const expires = now.getTime() + LOGIN_LINK_MINUTES * 60_000;
  const token = await signToken(linkSecret(env), purposes.login, { m: memberId, n: crypto.randomUUID() }, expires);
  await saveLoginToken(env.DB, { tokenHash: await sha256Hex(token), memberId, expiresAt: new Date(expires).toISOString() });
  return `${publicUrl(env)}/web/dang-nhap?t=${token}`;
}

/** A form for an official, on one of their unit's assignments: report, complete or ask for more time. */
export async function officialFormLink(
  env: Env,
  memberId: number,
  assignmentId: number,
  kind: FormKind,
  now = new Date(),
): Promise<string> {
  const token = await signToken(
    linkSecret(env),
    purposes.form,
    { m: memberId, a: assignmentId, k: kind },
    now.getTime() + FORM_LINK_HOURS * 3_600_000,
  );
  return `${publicUrl(env)}/web/bieu-mau/${token}`;
}

/** A form to record a target's value. */
export async function targetFormLink(env: Env, memberId: number, targetId: number, now = new Date()): Promise<string> {
  const token = await signToken(
    linkSecret(env),
    purposes.form,
    { m: memberId, t: targetId, k: "target" },
    now.getTime() + FORM_LINK_HOURS * 3_600_000,
  );
  return `${publicUrl(env)}/web/bieu-mau/${token}`;
}

/** A file kept in R2 (evidence handed in on the web), downloadable for an hour. */
export async function fileDownloadLink(env: Env, r2Key: string, fileName: string, now = new Date()): Promise<string> {
  return `${publicUrl(env)}${await filePath(env, r2Key, fileName, now)}`;
}

/** The same, relative: for pages of the back office itself. */
export async function filePath(env: Env, r2Key: string, fileName: string, now = new Date()): Promise<string> {
  const token = await signToken(
    linkSecret(env),
    purposes.file,
    { key: r2Key, name: fileName },
    now.getTime() + FILE_LINK_MINUTES * 60_000,
  );
  return `/web/tep/${token}`;
}
