import type { Update } from "grammy/types";
import { handleUpdate, type BotConfig, type UpdateState } from "../bot/create-bot";
import type { BotDeps } from "../bot/context";
import type { Db } from "../db/client";
import { finishStatement, releaseUpdate, type UpdateClaim } from "../db/queries/updates";
import { deliverNow } from "../services/delivery/deliver-now";
import { readAlertConfig, type Env } from "../services/env";
import { fileLinks } from "../services/file-links";
import { exportEnqueuer, exportInlineMaxRows } from "../services/export-job";
import { LOGIN_LINK_MINUTES, loginLink } from "../services/links";
import { enqueuePending } from "../services/alerts/scheduled";

/** What every channel's update needs besides the member: the clock, the outbox and links. */
export function botDeps(env: Env, db: Db, botUsername: string, waitUntil: (p: Promise<unknown>) => void): BotDeps {
  return {
    db,
    now: () => new Date(),
    botUsername,
    ...(env.ZALO_BOT_TOKEN && env.ZALO_BOT_NAME
      ? { zaloBot: { name: env.ZALO_BOT_NAME, url: env.ZALO_BOT_URL?.startsWith("https://") ? env.ZALO_BOT_URL : null } }
      : {}),
    enqueueReminders: (ids) => enqueuePending(env.DB, env.ALERTS, readAlertConfig(env), ids),
    deliverNow: (ids) => deliverNow(env, ids, waitUntil),
    links: fileLinks(env),
    enqueueExport: exportEnqueuer(env),
    exportInlineMaxRows: exportInlineMaxRows(env),
    webLoginLink: async (memberId) => ({ url: await loginLink(env, memberId), validMinutes: LOGIN_LINK_MINUTES }),
  };
}

export type Outcome = "handled" | "apologized" | "retry";

/**
 * Runs the bot on one claimed update. A bug in a handler must not make the
 * platform resend the whole update (repeating replies already sent): the
 * person gets an apology, the error is logged without secrets or message
 * texts, and the update counts as done (`settleAfterAnswer`). Only an
 * infrastructure failure (D1 unreachable) gives the claim back, so the
 * platform's retry is processed.
 */
export async function runClaimed(
  db: Db,
  claim: UpdateClaim,
  config: BotConfig,
  update: Update,
  state: UpdateState,
  apologize: () => Promise<void>,
): Promise<Outcome> {
  try {
    await handleUpdate(config, update, state);
  } catch (error) {
    const failure = describeError(error);
    if (isInfrastructureFailure(error)) {
      console.error(JSON.stringify({ event: "update.retry", key: claim.key, ...failure }));
      await releaseUpdate(db, claim.key).catch(() => undefined);
      return "retry";
    }
    console.error(JSON.stringify({ event: "update.failed", key: claim.key, ...failure }));
    await apologize().catch(() => undefined);
    return "apologized";
  }
  return "handled";
}

/**
 * After the answer (waitUntil, so the person does not wait for it): the claim
 * settled unless the update's own write did it, with whatever else the
 * channel keeps (Zalo's last menu), in one batch.
 */
export function settleAfterAnswer(
  d1: D1Database,
  claim: UpdateClaim,
  also: D1PreparedStatement[],
  waitUntil: (p: Promise<unknown>) => void,
): number {
  const statements = claim.settled ? also : [finishStatement(d1, claim), ...also];
  if (statements.length === 0) return 0;
  waitUntil(d1.batch(statements));
  return 1; // round trips after the answer, for the metrics header
}

function unwrap(error: unknown): unknown {
  // grammY wraps a handler's error in BotError { error }.
  return error && typeof error === "object" && "error" in error && (error as { name?: string }).name === "BotError"
    ? (error as { error: unknown }).error
    : error;
}

export function isInfrastructureFailure(error: unknown): boolean {
  const e = unwrap(error);
  const message = e instanceof Error ? e.message : String(e);
  return /D1_ERROR|D1_EXEC_ERROR|Network connection lost|storage.*(reset|overloaded)/i.test(message);
}

/**
 * The error class and a message with what could identify a person or unlock
 * the bot removed: tokens in URLs, long digit runs (chat ids), quoted texts.
 */
export function describeError(error: unknown): { error: string; message: string } {
  const e = unwrap(error);
  const name = e instanceof Error ? e.constructor.name || e.name : typeof e;
  const raw = e instanceof Error ? e.message : String(e);
  return { error: name, message: redact(raw) };
}

export function redact(text: string): string {
  return text
    .replace(/bot\d+:[A-Za-z0-9_-]+/g, "bot<token>")
    .replace(/\d+:[A-Za-z0-9_-]{20,}/g, "<token>")
    .replace(/bot[A-Za-z0-9_.-]{16,}\//g, "bot<token>/")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d{6,}/g, "<id>")
    .slice(0, 300);
}
