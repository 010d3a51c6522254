import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { conversations } from "../schema";

export type Conversation = typeof conversations.$inferSelect;

/** The chat's open flow: a statement for the webhook's first batch (plain SQL, run on every update). */
export function conversationByChat(d1: D1Database, chatId: string): D1PreparedStatement {
  return d1
    .prepare(
      `select chat_id as chatId, member_id as memberId, flow, step, data, token, expires_at as expiresAt, updated_at as updatedAt
       from conversations where chat_id = ?1 limit 1`,
    )
    .bind(chatId);
}

export function conversationFrom(row: Record<string, unknown> | undefined): Conversation | null {
  return row ? ({ ...row, data: JSON.parse(row.data as string) } as Conversation) : null;
}

/**
 * Starting a flow replaces whatever flow the chat was in: one at a time, the
 * newest wins. Plain SQL: every step of every flow writes it.
 */
export function saveConversation(d1: D1Database, c: Omit<Conversation, "updatedAt">): D1PreparedStatement {
  return d1
    .prepare(
      `insert into conversations (chat_id, member_id, flow, step, data, token, expires_at, updated_at)
       values (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       on conflict (chat_id) do update set member_id = ?2, flow = ?3, step = ?4, data = ?5, token = ?6, expires_at = ?7,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
    )
    .bind(c.chatId, c.memberId, c.flow, c.step, JSON.stringify(c.data), c.token, c.expiresAt);
}

export function endConversationStatement(d1: D1Database, chatId: string): D1PreparedStatement {
  return d1.prepare("delete from conversations where chat_id = ?1").bind(chatId);
}

export function endConversation(db: Db, chatId: string) {
  return db.delete(conversations).where(eq(conversations.chatId, chatId));
}
