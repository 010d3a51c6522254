import { WorkingCalendar } from "../../core/alerts/calendar";
import type { AlertConfig } from "../../core/alerts/config";
import { memberSubject } from "../../core/alerts/kinds";
import { SendPacer } from "../../core/alerts/pacing";
import { isSendingTime, nextSendingTime } from "../../core/alerts/send-window";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { escapeHtml } from "../../bot/render/html";
import { alertTexts as t } from "../../bot/texts";
import {
  insertReminders,
  loadForDelivery,
  markAttempt,
  markFailed,
  markSent,
  markSkippedUnreachable,
  markUnreachable,
  type DeliveryRow,
} from "../../db/queries/outbox";
import type { Channel } from "../../db/schema";
import type { ChannelSender } from "./channels/sender";
import { telegramSender } from "./channels/telegram-sender";
import { zaloSender } from "./channels/zalo-sender";
import { readAlertConfig, readConfig, readZaloConfig, type Env } from "../env";
import { ZaloApi } from "../zalo/client";
import { exportJob, reminderMessage } from "../queue-messages";
import { enqueuePending } from "../alerts/scheduled";

/**
 * The alert queue's consumer: sends each reminder through the Bot API at
 * Telegram's pace and records the outcome on its outbox row.
 *
 * - A row is sent only while it is queued: a message delivered again after
 *   its reminder was sent (Queues deliver at least once) sends nothing.
 * - Pacing: one SendPacer per isolate, so batches handled side by side still
 *   share the budget; wrangler.toml keeps one consumer at a time
 *   (max_concurrency = 1) so an isolate's budget is the bot's.
 * - 429: nothing to that chat before retry_after, and a pause for every chat
 *   (Telegram does not say which limit was hit; capped at a few seconds so
 *   one flooded chat cannot stall the rest). A short wait is taken within
 *   the batch, a long one hands the message back to the queue with that delay.
 * - 5xx, network errors and timeouts: back to the queue with growing delays;
 *   after maxAttempts real sends (the row's count, not the queue's, which
 *   also counts deferrals to working hours) the row is marked failed.
 * - 403 (blocked by the user): the row and the member are marked
 *   unreachable, and the unit's leaders are told, through the outbox too.
 * - Any other 4xx is permanent: failed, with Telegram's description.
 */

export interface ConsumerDeps {
  /** ms since epoch; tests fix it. */
  now?: () => number;
  /** Bot API fetch (tests point it at an in-isolate fake to simulate timeouts). */
  fetch?: typeof fetch;
  /** Defaults to the isolate's shared pacer (per channel). */
  pacer?: SendPacer;
  /** Notices sent at once (services/delivery/deliver-now) do not wait for working hours. */
  ignoreSendingHours?: boolean;
}

/** Longest retry_after waited out inside a batch; longer ones go back to the queue. */
const INLINE_WAIT_MAX_S = 5;
const INLINE_429_TRIES = 3;
const BACKOFF_BASE_S = 10;
const BACKOFF_MAX_S = 600;
const QUEUE_DELAY_MAX_S = 12 * 3600;

const shared = new Map<string, SendPacer>();

/**
 * One pacer per channel and pace, kept by the isolate: batches side by side
 * share the channel's budget. Telegram tolerates a small burst (its limit is
 * per second); Zalo publishes no limit, so its sends catch up half a slot at
 * most (a late timer) and are otherwise spaced evenly.
 */
function pacerFor(channel: Channel, perSecond: number, chatIntervalMs: number): SendPacer {
  const key = `${channel}:${perSecond}/${chatIntervalMs}`;
  let pacer = shared.get(key);
  if (!pacer) {
    pacer = new SendPacer(perSecond, chatIntervalMs, channel === "zalo" ? 0.5 : 2);
    shared.set(key, pacer);
  }
  return pacer;
}

interface Work {
  message: Message<unknown>;
  row: DeliveryRow;
  notBefore: number;
  throttled: number;
}

/**
 * Sends the batch's reminders (export jobs in it are the queue's, services/queue.ts,
 * and left alone here). Also what deliverNow runs, on rows just written.
 */
export async function sendReminders(batch: MessageBatch<unknown>, env: Env, deps: ConsumerDeps = {}): Promise<void> {
  const config = readAlertConfig(env);
  const calendar = new WorkingCalendar(config.holidays);
  const clock = deps.now ?? Date.now;
  const start = new Date(clock());
  const exports = batch.messages.filter((message) => exportJob.safeParse(message.body).success).length;
  if (exports === batch.messages.length) return;
  if (!deps.ignoreSendingHours && !isSendingTime(start, config, calendar)) {
    // Retries can spill past working hours; nobody is woken at night.
    const wait = Math.ceil((nextSendingTime(start, config, calendar).getTime() - start.getTime()) / 1000);
    const later = { delaySeconds: Math.min(Math.max(wait, 1), QUEUE_DELAY_MAX_S) };
    if (exports === 0) batch.retryAll(later);
    else for (const message of batch.messages) if (!exportJob.safeParse(message.body).success) message.retry(later);
    return;
  }
  const today = vietnamDate(start);
  const d1 = env.DB;

  const wanted: { message: Message<unknown>; id: number }[] = [];
  for (const message of batch.messages) {
    if (exportJob.safeParse(message.body).success) continue; // the queue builds it (services/queue.ts)
    const body = reminderMessage.safeParse(message.body);
    if (body.success) wanted.push({ message, id: body.data.id });
    else {
      console.warn("alerts: dropping a queue message that is not a reminder", message.id);
      message.ack();
    }
  }
  const rows = await loadForDelivery(
    d1,
    wanted.map((w) => w.id),
  );
  const work: Work[] = [];
  const taken = new Set<number>();
  for (const { message, id } of wanted) {
    const row = rows.get(id);
    if (row?.status !== "queued" || taken.has(id)) {
      message.ack(); // gone, already sent or given up, or twice in this batch: nothing to do twice
      continue;
    }
    taken.add(id);
    const skip = skipReason(row, today);
    if (skip === "unreachable") await markSkippedUnreachable(d1, id);
    else if (skip) await markFailed(d1, id, `skipped: ${skip}`, false);
    if (skip) {
      message.ack();
      continue;
    }
    work.push({ message, row, notBefore: 0, throttled: 0 });
  }

  const channels = channelsFor(env, deps, config);
  const inFlight = new Map<string, Promise<void>>();
  // Chats of different channels never share a pacing slot.
  const slot = (row: DeliveryRow) => `${row.channel}:${row.chatId}`;
  const pacerOf = (row: DeliveryRow) => deps.pacer ?? channels[row.channel].pacer;

  const send = async (w: Work): Promise<void> => {
    const { row, message } = w;
    const channel = channels[row.channel];
    if (!channel.sender) {
      await markFailed(d1, row.id, `${row.channel} is not configured`, false);
      message.ack();
      return;
    }
    try {
      await channel.sender.send(row.chatId, row.payload!, AbortSignal.timeout(config.sendTimeoutMs));
    } catch (error) {
      return handleFailure(w, error);
    }
    try {
      await markSent(d1, row.id, new Date(clock()));
    } catch (error) {
      // The channel has it: sending again would be worse than a row left queued.
      console.error("alerts: sent but not recorded", row.id, error instanceof Error ? error.name : "error");
    }
    message.ack();
  };

  const handleFailure = async (w: Work, error: unknown): Promise<void> => {
    const { row, message } = w;
    const failure = channels[row.channel].sender!.classify(error);
    const description = failure.description;
    if (failure.kind === "rate_limited") {
      const retryAfter = failure.pauseSeconds ?? failure.retryAfterSeconds;
      pacerOf(row).holdOff(slot(row), clock() + retryAfter * 1000, clock() + Math.min(retryAfter, INLINE_WAIT_MAX_S) * 1000);
      w.throttled++;
      if (retryAfter <= INLINE_WAIT_MAX_S && w.throttled <= INLINE_429_TRIES) {
        w.notBefore = clock() + retryAfter * 1000;
        work.push(w);
        return;
      }
      await markAttempt(d1, row.id, description);
      message.retry({ delaySeconds: Math.min(Math.max(1, Math.ceil(failure.retryAfterSeconds)), QUEUE_DELAY_MAX_S) });
      return;
    }
    if (failure.kind === "unreachable") {
      await reportUnreachable(env, config, row, description, new Date(clock()));
      message.ack();
      return;
    }
    if (failure.kind === "permanent") {
      await markFailed(d1, row.id, description, true);
      message.ack();
      return;
    }
    // 5xx, network failure, timeout: transient.
    // The row counts real sends only: the queue's own counter also counts the
    // night's and weekend's deferrals, which would give up after one real error.
    const tries = row.attempts + 1;
    if (tries >= config.maxAttempts) {
      await markFailed(d1, row.id, description, true);
      message.ack();
      return;
    }
    await markAttempt(d1, row.id, description);
    message.retry({ delaySeconds: Math.min(BACKOFF_MAX_S, BACKOFF_BASE_S * 2 ** (tries - 1)) });
  };

  // Send in the order the pacer allows: the next message whose chat is free
  // soonest; several chats can be in flight at once (Bot API round trips are
  // slow next to 40 ms slots), one chat never twice at once.
  while (work.length > 0 || inFlight.size > 0) {
    let best = -1;
    let bestAt = Infinity;
    work.forEach((w, i) => {
      if (inFlight.has(slot(w.row))) return;
      const at = Math.max(pacerOf(w.row).readyAt(slot(w.row)), w.notBefore);
      if (at < bestAt) [best, bestAt] = [i, at];
    });
    if (best < 0) {
      await Promise.race(inFlight.values());
      continue;
    }
    const wait = bestAt - clock();
    if (wait > 0) {
      await Promise.race([sleep(wait), ...inFlight.values()]);
      continue;
    }
    const [w] = work.splice(best, 1);
    pacerOf(w!.row).take(slot(w!.row), clock());
    const chat = slot(w!.row);
    inFlight.set(
      chat,
      send(w!).finally(() => inFlight.delete(chat)),
    );
  }

  // Keep the queue fed: as many pending reminders as this batch carried (the cron run enqueues only the first ones).
  try {
    await enqueuePending(d1, env.ALERTS, config, undefined, batch.messages.length);
  } catch (error) {
    console.error("alerts: topping up the queue failed; the next cron run will", error);
  }
}

function skipReason(row: DeliveryRow, today: string): string | null {
  if (!row.payload) return "no message";
  if (!row.chatId) return "unlinked";
  // A notice may be the farewell to someone just removed; alerts are not.
  if (row.removedAt !== null && row.kind !== "notice") return "removed";
  if (row.unreachableSince !== null) return "unreachable";
  if (row.kind === "notice") return null; // what someone did for them, not a reminder: pauses and mutes do not hold it back
  if (row.pausedUntil !== null && row.pausedUntil >= today) return "paused";
  if (row.mutedUntil !== null && row.mutedUntil >= today) return "muted";
  return null;
}

/** 403: the member blocked the bot. Their leaders hear of it once a day at most (the outbox's uniqueness). */
async function reportUnreachable(env: Env, config: AlertConfig, row: DeliveryRow, error: string, at: Date): Promise<void> {
  const leaders = await markUnreachable(env.DB, row.id, row.memberId, row.channel, at, error);
  if (leaders.length === 0) return;
  const today = vietnamDate(at);
  const text = t.unreachableNotice(escapeHtml(row.fullName), escapeHtml(row.unitName), formatDate(today));
  const ids = await insertReminders(
    env.DB,
    leaders.map((l) => ({
      memberId: l.id,
      assignmentId: null,
      kind: "member_unreachable" as const,
      subject: memberSubject(row.memberId),
      periodKey: today,
      payload: { text },
    })),
  );
  if (ids.length > 0) await enqueuePending(env.DB, env.ALERTS, config, ids);
}

interface ChannelOut {
  sender: ChannelSender | null;
  pacer: SendPacer;
}

function channelsFor(env: Env, deps: ConsumerDeps, config: AlertConfig): Record<Channel, ChannelOut> {
  const telegram = env.TELEGRAM_BOT_TOKEN ? readConfig(env) : null;
  const zalo = readZaloConfig(env);
  return {
    telegram: {
      sender: telegram ? telegramSender(telegram.TELEGRAM_BOT_TOKEN, telegram.TELEGRAM_API_ROOT, deps.fetch) : null,
      pacer: pacerFor("telegram", config.messagesPerSecond, config.chatIntervalMs),
    },
    zalo: {
      sender: zalo
        ? zaloSender(
            env.DB,
            new ZaloApi({
              token: zalo.ZALO_BOT_TOKEN,
              apiRoot: zalo.ZALO_API_ROOT,
              ...(deps.fetch ? { fetch: deps.fetch } : {}),
            }),
          )
        : null,
      pacer: pacerFor("zalo", zalo?.ZALO_RATE ?? 5, config.chatIntervalMs),
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
