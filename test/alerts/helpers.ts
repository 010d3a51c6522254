import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { SendPacer } from "../../core/alerts/pacing";
import type { FakeConfigPatch } from "../../scripts/fake-telegram/types";
import type { ConsumerDeps } from "../../services/delivery/send-reminders";
import { consumeAlerts } from "../../services/queue";
import { assignments, extensionRequests, plans, progressReports, tasks } from "../../db/schema";
import app from "../../worker/index";
import type { Env } from "../../services/env";
import { makeMember, makeUnit, testDb } from "../support/fixtures";

export const QUEUE = "theo-doi-ke-hoach-alerts";

const worker = app as ExportedHandler<Env>;

/** An instant at a Vietnam wall-clock time: `vn("2026-06-08", 8)` is 08:00 that day. */
export const vn = (date: string, hour = 8) => Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00+07:00`);

export interface QueuedMessage {
  body: { id: number };
  delaySeconds?: number;
}

/** Stands in for the ALERTS producer: the test decides when (and how often) the consumer sees a message. */
export class RecordingQueue {
  readonly messages: QueuedMessage[] = [];
  async send(body: { id: number }): Promise<void> {
    this.messages.push({ body });
  }
  async sendBatch(batch: Iterable<QueuedMessage>): Promise<void> {
    this.messages.push(...batch);
  }
  take(): QueuedMessage[] {
    return this.messages.splice(0);
  }
}

/** The worker's env with a recording queue; sending allowed at any hour so deliveries do not depend on the wall clock. */
type AlertVars = Partial<Record<Extract<keyof Env, `ALERT_${string}` | "TELEGRAM_API_ROOT">, string>>;

export function alertEnv(queue: RecordingQueue, vars: AlertVars = {}): Env {
  return {
    ...env,
    ALERTS: queue as unknown as Queue<unknown>,
    ALERT_SEND_HOURS: "0-24",
    ALERT_SEND_ON_DAYS_OFF: "true",
    ...vars,
  };
}

export async function runCron(e: Env, scheduledTime: number): Promise<void> {
  const controller = createScheduledController({ scheduledTime, cron: "0 1 * * 1-5" });
  const ctx = createExecutionContext();
  await worker.scheduled!(controller, e, ctx);
  await waitOnExecutionContext(ctx);
}

let messageSeq = 0;

/**
 * Hands messages to the queue consumer as one batch; returns what it acked
 * and retried. Without `deps` it goes through the worker's exported handler;
 * with them (a fixed clock, an in-isolate Bot API) straight to the consumer,
 * with a pacer of its own so one test's 429 does not hold back the next.
 */
export async function deliver(e: Env, messages: QueuedMessage[], options: { attempts?: number; deps?: ConsumerDeps } = {}) {
  const batch = createMessageBatch(
    QUEUE,
    messages.map((m) => ({ id: `m${++messageSeq}`, timestamp: new Date(), attempts: options.attempts ?? 1, body: m.body })),
  );
  // The test runtime reports which messages were retried but not the delay asked: note it on the way.
  const delays = new Map<string, number | undefined>();
  let batchDelay: number | undefined;
  for (const m of batch.messages) {
    const retry = m.retry.bind(m);
    Object.defineProperty(m, "retry", {
      value: (o?: QueueRetryOptions) => {
        delays.set(m.id, o?.delaySeconds);
        retry(o);
      },
    });
  }
  const retryAll = batch.retryAll.bind(batch);
  Object.defineProperty(batch, "retryAll", {
    value: (o?: QueueRetryOptions) => {
      batchDelay = o?.delaySeconds;
      retryAll(o);
    },
  });
  const ctx = createExecutionContext();
  if (options.deps) await consumeAlerts(batch, e, { pacer: new SendPacer(25, 1000), ...options.deps });
  else await worker.queue!(batch, e, ctx);
  const result = await getQueueResult(batch, ctx);
  const ids = new Map(batch.messages.map((m) => [m.id, (m.body as { id: number }).id]));
  return {
    ...result,
    retried: result.retryMessages.map((r: { msgId: string }) => ({
      reminderId: ids.get(r.msgId)!,
      delaySeconds: delays.get(r.msgId),
    })),
    batchDelay,
  };
}

/** Messages for reminders of these members only (other tests' rows may sit in the same database). */
export async function messagesFor(queue: QueuedMessage[], memberIds: number[]): Promise<QueuedMessage[]> {
  const ids = await reminderIdsOf(memberIds);
  return queue.filter((m) => ids.has(m.body.id));
}

export async function reminderIdsOf(memberIds: number[]): Promise<Set<number>> {
  const { results } = await env.DB.prepare("select id from reminders where member_id in (select value from json_each(?1))")
    .bind(JSON.stringify(memberIds))
    .all<{ id: number }>();
  return new Set(results.map((r) => r.id));
}

export interface OutboxRow {
  id: number;
  kind: string;
  subject: string;
  periodKey: string;
  status: string;
  attempts: number;
  lastError: string | null;
  text: string;
  buttons: { text: string; data: string }[][];
}

export async function outboxOf(memberId: number): Promise<OutboxRow[]> {
  const { results } = await env.DB.prepare(
    "select id, kind, subject, period_key, status, attempts, last_error, payload from reminders where member_id = ?1 order by id",
  )
    .bind(memberId)
    .all<Record<string, unknown>>();
  return results.map((r) => {
    const payload = JSON.parse(r.payload as string) as { text: string; buttons?: { text: string; data: string }[][] };
    return {
      id: r.id as number,
      kind: r.kind as string,
      subject: r.subject as string,
      periodKey: r.period_key as string,
      status: r.status as string,
      attempts: r.attempts as number,
      lastError: r.last_error as string | null,
      // as the member reads it: HTML parsed away
      text: payload.text
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
      buttons: payload.buttons ?? [],
    };
  });
}

let tagSeq = 0;

/** A monitoring office with its admin, one unit with two members, a leader and a viewer, and a plan. */
export async function makeAlertUnit() {
  const tag = `${++tagSeq}-${crypto.randomUUID().slice(0, 6)}`;
  const root = await makeUnit(`Huyện ủy Nhắc việc ${tag}`);
  const monitor = await makeUnit(`Ban Tổ chức ${tag}`, root);
  const unit = await makeUnit(`Đảng ủy xã Tân Lập ${tag}`, root);
  const [plan] = await testDb()
    .insert(plans)
    .values({ issuerUnitId: root, monitorUnitId: monitor, number: `KH-${tag}`, title: "Kế hoạch nhắc việc" })
    .returning({ id: plans.id });
  return {
    tag,
    root,
    monitor,
    unit,
    planId: plan!.id,
    admin: await makeMember(monitor, "admin", "Quản trị"),
    member: await makeMember(unit, "member", "Lan"),
    member2: await makeMember(unit, "member", "Hùng"),
    leader: await makeMember(unit, "leader", "Bí thư"),
    viewer: await makeMember(root, "viewer", "Thường vụ"),
  };
}

export interface TaskSpec {
  ref: string;
  title?: string;
  due?: string | null;
  recurrence?: "ongoing" | "monthly" | "quarterly" | "yearly";
  state?: "open" | "in_progress" | "awaiting_confirmation" | "done";
  dueOverride?: string;
  lastReportAt?: string;
  createdAt?: string;
}

export async function addTask(planId: number, unitId: number, spec: TaskSpec): Promise<number> {
  const db = testDb();
  const [task] = await db
    .insert(tasks)
    .values({
      planId,
      ref: spec.ref,
      title: spec.title ?? `Nhiệm vụ ${spec.ref}`,
      deadlineText: spec.due ? "theo kế hoạch" : spec.recurrence ? "thực hiện thường xuyên" : null,
      deadlineKind: spec.due ? "date" : spec.recurrence ? "recurring" : "none",
      dueOn: spec.due ?? null,
      recurrence: spec.recurrence ?? null,
      createdAt: spec.createdAt ?? "2026-01-05T02:00:00.000Z",
    })
    .returning({ id: tasks.id });
  const [assignment] = await db
    .insert(assignments)
    .values({
      taskId: task!.id,
      unitId,
      role: "lead",
      state: spec.state ?? "open",
      dueOverride: spec.dueOverride ?? null,
      lastReportAt: spec.lastReportAt ?? null,
    })
    .returning({ id: assignments.id });
  return assignment!.id;
}

export async function addCheckin(assignmentId: number, memberId: number, periodKey: string): Promise<void> {
  await testDb().insert(progressReports).values({ assignmentId, memberId, kind: "checkin", note: "Đã thực hiện", periodKey });
}

export async function addCompletionWaiting(assignmentId: number, memberId: number): Promise<void> {
  await testDb()
    .insert(progressReports)
    .values({ assignmentId, memberId, kind: "completion", note: "Đã xong", reviewStatus: "pending" });
}

export async function addExtensionRequest(assignmentId: number, memberId: number, proposedDue: string): Promise<void> {
  await testDb()
    .insert(extensionRequests)
    .values({ assignmentId, requestedBy: memberId, proposedDue, reason: "Chờ hướng dẫn của cấp trên" });
}

/** Fault injection on the shared fake Bot API (per chat, so parallel test files are not affected). */
export async function fakeTelegram(patch: FakeConfigPatch): Promise<void> {
  const response = await fetch(`${inject("fakeTelegramUrl")}/__fake/config`, { method: "POST", body: JSON.stringify(patch) });
  if (!response.ok) throw new Error(`fake config: ${response.status}`);
}

export async function sendCalls(chatId: number): Promise<{ status: number }[]> {
  const response = await fetch(`${inject("fakeTelegramUrl")}/__fake/calls?method=sendMessage&chat_id=${chatId}`);
  return ((await response.json()) as { calls: { status: number }[] }).calls;
}
