import type { Role } from "../schema";

/**
 * Web back office logins: one-time link tokens and sessions. Both are stored
 * by hash; the member's removal ends every session because each request
 * reads the session joined to the active member.
 */

export async function saveLoginToken(
  d1: D1Database,
  t: { tokenHash: string; memberId: number; expiresAt: string },
): Promise<void> {
  await d1
    .prepare("insert into web_login_tokens (token_hash, member_id, expires_at) values (?1, ?2, ?3)")
    .bind(t.tokenHash, t.memberId, t.expiresAt)
    .run();
}

export type LoginUse = { ok: true; memberId: number } | { ok: false; reason: "unknown" | "used" | "expired" };

/**
 * Marks the token used, once: of two tabs opening the same link, one wins.
 * Then the session row, only if the token was claimed and the member is still active.
 */
export async function useLoginToken(
  d1: D1Database,
  u: { tokenHash: string; now: string; session: { idHash: string; csrfToken: string; expiresAt: string } },
): Promise<LoginUse> {
  const [claimed] = await d1.batch([
    d1
      .prepare(
        `update web_login_tokens set used_at = ?2
         where token_hash = ?1 and used_at is null and expires_at > ?2
           and exists (select 1 from members m where m.id = web_login_tokens.member_id and m.removed_at is null)
         returning member_id`,
      )
      .bind(u.tokenHash, u.now),
    d1
      .prepare(
        `insert into web_sessions (id_hash, member_id, csrf_token, expires_at)
         select ?2, member_id, ?3, ?4 from web_login_tokens where token_hash = ?1 and changes() = 1`,
      )
      .bind(u.tokenHash, u.session.idHash, u.session.csrfToken, u.session.expiresAt),
  ]);
  const row = (claimed!.results as { member_id: number }[])[0];
  if (row) return { ok: true, memberId: row.member_id };
  const known = await d1
    .prepare("select used_at, expires_at from web_login_tokens where token_hash = ?1")
    .bind(u.tokenHash)
    .first<{ used_at: string | null; expires_at: string }>();
  if (!known) return { ok: false, reason: "unknown" };
  if (known.used_at) return { ok: false, reason: "used" };
  return { ok: false, reason: known.expires_at <= u.now ? "expired" : "unknown" };
}

/** Whether a login token may still be used, without using it (the page a link opens). */
export async function loginTokenState(
  d1: D1Database,
  tokenHash: string,
  now: string,
): Promise<"live" | "used" | "expired" | "unknown"> {
  const row = await d1
    .prepare(
      `select t.used_at, t.expires_at, m.removed_at from web_login_tokens t left join members m on m.id = t.member_id
       where t.token_hash = ?1`,
    )
    .bind(tokenHash)
    .first<{ used_at: string | null; expires_at: string; removed_at: string | null }>();
  if (!row || row.removed_at) return "unknown";
  if (row.used_at) return "used";
  return row.expires_at <= now ? "expired" : "live";
}

export interface SessionMember {
  memberId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  role: Role;
  csrfToken: string;
}

/** The live session's member: not expired, not revoked, member not removed. */
export async function sessionMember(d1: D1Database, idHash: string, now: string): Promise<SessionMember | null> {
  return d1
    .prepare(
      `select m.id as memberId, m.full_name as fullName, m.unit_id as unitId, u.name as unitName, m.role, s.csrf_token as csrfToken
       from web_sessions s join members m on m.id = s.member_id join units u on u.id = m.unit_id
       where s.id_hash = ?1 and s.revoked_at is null and s.expires_at > ?2 and m.removed_at is null`,
    )
    .bind(idHash, now)
    .first<SessionMember>();
}

export async function revokeSession(d1: D1Database, idHash: string, now: string): Promise<void> {
  await d1.prepare("update web_sessions set revoked_at = ?2 where id_hash = ?1 and revoked_at is null").bind(idHash, now).run();
}
