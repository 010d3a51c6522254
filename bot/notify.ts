import { NOTICE_PERIOD } from "../core/alerts/kinds";
import { insertReminders, type NewReminder } from "../db/queries/outbox";
import type { BotContext } from "./context";
import type { Actions } from "./ports/actions";

export interface Notice {
  memberId: number;
  /** The event, unique for the recipient ("report:12:confirmed"): telling twice writes nothing twice. */
  subject: string;
  assignmentId?: number | null;
  /** HTML. */
  text: string;
  actions?: Actions;
}

/**
 * Tells other people what an action means for them, on every channel they
 * use: written to the outbox first, then delivered at once; a failed send is
 * retried by the queue like any alert.
 */
export async function notify(ctx: BotContext, notices: Notice[]): Promise<void> {
  if (notices.length === 0) return;
  const ids = await insertReminders(ctx.deps.db.$client, noticeRows(notices));
  if (ids.length > 0) await ctx.deps.deliverNow?.(ids);
}

/** Notices as outbox rows (one per channel of each recipient once inserted). */
export function noticeRows(notices: Notice[]): NewReminder[] {
  return notices.map((n) => ({
    memberId: n.memberId,
    assignmentId: n.assignmentId ?? null,
    kind: "notice" as const,
    subject: n.subject,
    periodKey: NOTICE_PERIOD,
    payload: { text: n.text, ...(n.actions && !n.actions.isEmpty ? { buttons: n.actions.toRows() } : {}) },
  }));
}
