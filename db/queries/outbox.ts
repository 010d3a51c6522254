import type { AlertKind } from "../../core/alerts/kinds";
import type { Channel, Role } from "../schema";

/**
 * The reminders outbox. A row is written before anything is sent, unique per
 * recipient, kind, subject and period (reminders_once_uq), so a cron run that
 * repeats or overlaps another inserts nothing the first did not. Rows move
 * pending → queued (claimed by exactly one run, which enqueues them) → sent,
 * or failed / unreachable.
 */

/** The message as it will be sent: HTML text and inline buttons. */
export interface ReminderPayload {
  text: string;
  buttons?: { text: string; data: string }[][];
}

/**
 * A row is written per channel the member can be reached on (member_channels),
 * so Telegram and Zalo deliveries are each recorded, retried and refused on
 * their own.
 */
export interface NewReminder {
  memberId: number;
  assignmentId: number | null;
  kind: AlertKind;
  subject: string;
  periodKey: string;
  payload: ReminderPayload;
}

/**
 * Rows go in as one JSON parameter per statement (json_each), well under
 * D1's 100 bound parameters and 2 MB per value; the statements of a call run
 * as one batch. Returns the ids of the rows this call created: a row another
 * run wrote first is not returned.
 */
export async function insertReminders(d1: D1Database, rows: NewReminder[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const statement = d1.prepare(
    `insert into reminders (member_id, channel, assignment_id, kind, subject, period_key, payload)
     select json_extract(j.value, '$.m'), mc.channel, json_extract(j.value, '$.a'), json_extract(j.value, '$.k'),
            json_extract(j.value, '$.s'), json_extract(j.value, '$.p'), json_extract(j.value, '$.x')
     from json_each(?1) j
     join member_channels mc on mc.member_id = json_extract(j.value, '$.m') and mc.unreachable_since is null
     where true
     on conflict do nothing
     returning id`,
  );
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const r of rows) {
    const json = JSON.stringify({ m: r.memberId, a: r.assignmentId, k: r.kind, s: r.subject, p: r.periodKey, x: r.payload });
    if (size + json.length > MAX_CHUNK_CHARS && current.length > 0) {
      chunks.push(`[${current.join(",")}]`);
      current = [];
      size = 0;
    }
    current.push(json);
    size += json.length + 1;
  }
  chunks.push(`[${current.join(",")}]`);
  const ids: number[] = [];
  for (let i = 0; i < chunks.length; i += CHUNKS_PER_BATCH) {
    const results = await d1.batch<{ id: number }>(chunks.slice(i, i + CHUNKS_PER_BATCH).map((c) => statement.bind(c)));
    for (const r of results) ids.push(...r.results.map((row) => row.id));
  }
  return ids;
}

/** ~1.5 MB of UTF-8 at most (Vietnamese letters take up to 3 bytes): under D1's 2 MB per value. */
const MAX_CHUNK_CHARS = 500_000;
const CHUNKS_PER_BATCH = 8;

export interface ClaimedReminder {
  id: number;
  memberId: number;
}

/**
 * Moves up to `limit` pending rows to queued and returns them. One UPDATE
 * statement, so two runs claiming at once each get different rows.
 */
export async function claimPending(d1: D1Database, limit: number, ids?: number[]): Promise<ClaimedReminder[]> {
  const statement = ids
    ? d1
        .prepare(
          `update reminders set status = 'queued'
           where id in (select value from json_each(?1)) and status = 'pending'
           returning id, member_id`,
        )
        .bind(JSON.stringify(ids))
    : d1
        .prepare(
          `update reminders set status = 'queued'
           where id in (select id from reminders where status = 'pending' order by id limit ?1) and status = 'pending'
           returning id, member_id`,
        )
        .bind(limit);
  const { results } = await statement.all<{ id: number; member_id: number }>();
  return results.map((r) => ({ id: r.id, memberId: r.member_id }));
}

/**
 * Rows queued long ago and still not sent: their queue message was lost
 * (dropped after too many retries, or a local queue restarted). Enqueueing
 * them again is safe: the consumer sends a row only while it is queued.
 */
export async function staleQueued(d1: D1Database, createdBefore: string, limit: number): Promise<ClaimedReminder[]> {
  const { results } = await d1
    .prepare("select id, member_id from reminders where status = 'queued' and created_at < ?1 order by id limit ?2")
    .bind(createdBefore, limit)
    .all<{ id: number; member_id: number }>();
  return results.map((r) => ({ id: r.id, memberId: r.member_id }));
}

/** Enqueueing failed: give the rows back to the next run. */
export async function releaseClaimed(d1: D1Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await d1
    .prepare("update reminders set status = 'pending' where id in (select value from json_each(?1)) and status = 'queued'")
    .bind(JSON.stringify(ids))
    .run();
}

/** A queued reminder with what the consumer checks just before sending. */
export interface DeliveryRow {
  id: number;
  channel: Channel;
  status: "pending" | "queued" | "sent" | "failed" | "unreachable";
  /** Real send attempts so far (a night's deferral is none). */
  attempts: number;
  kind: AlertKind;
  payload: ReminderPayload | null;
  assignmentId: number | null;
  memberId: number;
  chatId: string;
  fullName: string;
  unitId: number;
  unitName: string;
  role: Role;
  pausedUntil: string | null;
  unreachableSince: string | null;
  removedAt: string | null;
  mutedUntil: string | null;
}

export async function loadForDelivery(d1: D1Database, ids: number[]): Promise<Map<number, DeliveryRow>> {
  const { results } = await d1
    .prepare(
      `select r.id, r.channel, r.status, r.attempts, r.kind, r.payload, r.assignment_id, r.member_id,
              mc.chat_id, m.full_name, m.unit_id, u.name as unit_name, m.role,
              m.paused_until, mc.unreachable_since, coalesce(m.removed_at, case when mc.chat_id is null then 'unlinked' end) as removed_at,
              (select until from alert_mutes am where am.member_id = r.member_id and am.assignment_id = r.assignment_id) as muted_until
       from reminders r
       join members m on m.id = r.member_id
       join units u on u.id = m.unit_id
       left join member_channels mc on mc.member_id = r.member_id and mc.channel = r.channel
       where r.id in (select value from json_each(?1))`,
    )
    .bind(JSON.stringify(ids))
    .all<Record<string, unknown>>();
  return new Map(
    results.map((r) => [
      r.id as number,
      {
        id: r.id as number,
        channel: r.channel as Channel,
        status: r.status as DeliveryRow["status"],
        attempts: r.attempts as number,
        kind: r.kind as AlertKind,
        payload: typeof r.payload === "string" ? (JSON.parse(r.payload) as ReminderPayload) : null,
        assignmentId: r.assignment_id as number | null,
        memberId: r.member_id as number,
        chatId: (r.chat_id as string | null) ?? "",
        fullName: r.full_name as string,
        unitId: r.unit_id as number,
        unitName: r.unit_name as string,
        role: r.role as Role,
        pausedUntil: r.paused_until as string | null,
        unreachableSince: r.unreachable_since as string | null,
        removedAt: r.removed_at as string | null,
        mutedUntil: r.muted_until as string | null,
      },
    ]),
  );
}

/** Telegram accepted the message. Guarded on queued so a late duplicate cannot rewrite history. */
export async function markSent(d1: D1Database, id: number, at: Date): Promise<void> {
  await d1
    .prepare(
      "update reminders set status = 'sent', sent_at = ?2, attempts = attempts + 1, last_error = null where id = ?1 and status = 'queued'",
    )
    .bind(id, at.toISOString())
    .run();
}

/** A try that failed and will be retried: the row stays queued. */
export async function markAttempt(d1: D1Database, id: number, error: string): Promise<void> {
  await d1
    .prepare("update reminders set attempts = attempts + 1, last_error = ?2 where id = ?1")
    .bind(id, error.slice(0, 500))
    .run();
}

/** Given up (a permanent error, or too many transient ones), or not sent on purpose (paused, muted). */
export async function markFailed(d1: D1Database, id: number, error: string, attempted: boolean): Promise<void> {
  await d1
    .prepare(
      `update reminders set status = 'failed', attempts = attempts + ?3, last_error = ?2 where id = ?1 and status = 'queued'`,
    )
    .bind(id, error.slice(0, 500), attempted ? 1 : 0)
    .run();
}

export interface Leader {
  id: number;
  fullName: string;
}

/**
 * The channel refused the member (blocked the bot, an unknown chat): the
 * reminder and that channel are marked unreachable (the member's other
 * channels keep working; the member is unreachable once none is left), and
 * the leaders of their unit who can still be reached are returned, to be told.
 */
export async function markUnreachable(
  d1: D1Database,
  reminderId: number,
  memberId: number,
  channel: Channel,
  at: Date,
  error: string,
): Promise<Leader[]> {
  const [, , , leaders] = await d1.batch<Record<string, unknown>>([
    d1
      .prepare("update reminders set status = 'unreachable', attempts = attempts + 1, last_error = ?2 where id = ?1")
      .bind(reminderId, error.slice(0, 500)),
    d1
      .prepare(
        "update member_channels set unreachable_since = coalesce(unreachable_since, ?3) where member_id = ?1 and channel = ?2",
      )
      .bind(memberId, channel, at.toISOString()),
    d1
      .prepare(
        `update members set unreachable_since = coalesce(unreachable_since, ?2)
         where id = ?1 and not exists (select 1 from member_channels where member_id = ?1 and unreachable_since is null)`,
      )
      .bind(memberId, at.toISOString()),
    d1
      .prepare(
        `select l.id, l.full_name from members l
         where l.unit_id = (select unit_id from members where id = ?1) and l.id <> ?1
           and l.role = 'leader' and l.removed_at is null and l.unreachable_since is null`,
      )
      .bind(memberId),
  ]);
  return (leaders!.results as { id: number; full_name: string }[]).map((r) => ({ id: r.id, fullName: r.full_name }));
}

/** A reminder not sent because its recipient is already known to have blocked the bot. */
export async function markSkippedUnreachable(d1: D1Database, id: number): Promise<void> {
  await d1.prepare("update reminders set status = 'unreachable' where id = ?1 and status = 'queued'").bind(id).run();
}
