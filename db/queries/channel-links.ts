import type { Db } from "../client";
import type { Channel } from "../schema";

async function hashCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code.toUpperCase()));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Keeps a link code (its hash only) for the member; any code they made before is void. */
export async function createLinkCode(db: Db, memberId: number, code: string, expiresAt: string): Promise<void> {
  const d1 = db.$client;
  await d1.batch([
    d1.prepare("delete from channel_link_codes where member_id = ?1").bind(memberId),
    d1
      .prepare("insert into channel_link_codes (code_hash, member_id, expires_at) values (?1, ?2, ?3)")
      .bind(await hashCode(code), memberId, expiresAt),
  ]);
}

export type LinkResult =
  | { ok: true; memberId: number; fullName: string; unitName: string }
  /** same_channel: the member already has an account on this channel (the code was made there, or another was linked). */
  | { ok: false; reason: "unknown" | "taken" | "same_channel" };

/**
 * Uses a code to link this channel account to the member who made it, in one
 * transaction: the code is spent only if it is live, and the account is
 * linked only if the code was spent here and the account is free (or belongs
 * to someone removed). Only the other channel is linked: a member who
 * already has an account on this channel (where the code was made, or one
 * linked before) gets nothing, and the code is not spent. Audited.
 */
export async function redeemLinkCode(
  db: Db,
  r: { code: string; channel: Channel; userId: string; chatId: string; now: string },
): Promise<LinkResult> {
  const d1 = db.$client;
  const hash = await hashCode(r.code);
  const [, linked, , member, state] = await d1.batch([
    d1
      .prepare(
        `update channel_link_codes set used_at = ?2 where code_hash = ?1 and used_at is null and expires_at > ?2
           and not exists (select 1 from member_channels mc where mc.member_id = channel_link_codes.member_id and mc.channel = ?3)`,
      )
      .bind(hash, r.now, r.channel),
    d1
      .prepare(
        `insert into member_channels (channel, user_id, member_id, chat_id)
         select ?1, ?2, l.member_id, ?3 from channel_link_codes l join members m on m.id = l.member_id and m.removed_at is null
         where l.code_hash = ?4 and changes() = 1
         on conflict (channel, user_id) do update set member_id = excluded.member_id, chat_id = excluded.chat_id, unreachable_since = null
         where (select removed_at from members where id = member_channels.member_id) is not null
         returning member_id`,
      )
      .bind(r.channel, r.userId, r.chatId, hash),
    d1
      .prepare(
        `insert into audit_log (actor_member_id, action, entity, entity_id, detail)
         select member_id, 'member.link_channel', 'member', member_id, json_object('channel', ?1) from member_channels
         where channel = ?1 and user_id = ?2 and changes() = 1`,
      )
      .bind(r.channel, r.userId),
    d1
      .prepare(
        `select m.id, m.full_name, u.name as unit_name from channel_link_codes l join members m on m.id = l.member_id join units u on u.id = m.unit_id
         where l.code_hash = ?1 and l.used_at = ?2`,
      )
      .bind(hash, r.now),
    d1
      .prepare(
        `select exists (select 1 from member_channels mc join channel_link_codes l on l.member_id = mc.member_id
                        where l.code_hash = ?1 and l.used_at is null and l.expires_at > ?2 and mc.channel = ?3) as sameChannel`,
      )
      .bind(hash, r.now, r.channel),
  ]);
  const row = (member!.results as { id: number; full_name: string; unit_name: string }[])[0];
  if (linked!.results.length === 1 && row)
    return { ok: true, memberId: row.id, fullName: row.full_name, unitName: row.unit_name };
  if ((state!.results[0] as { sameChannel: number } | undefined)?.sameChannel === 1) return { ok: false, reason: "same_channel" };
  return { ok: false, reason: row ? "taken" : "unknown" };
}
