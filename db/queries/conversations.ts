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

/** Starting a flow replaces whatever flow the chat was in: one at a time, the newest wins. */
export function saveConversation(db: Db, c: Omit<Conversation, "updatedAt">) {
  const { chatId, ...rest } = c;
  return db
    .insert(conversations)
    .values(c)
    .onConflictDoUpdate({ target: conversations.chatId, set: { ...rest, updatedAt: new Date().toISOString() } });
}

export function endConversation(db: Db, chatId: string) {
  return db.delete(conversations).where(eq(conversations.chatId, chatId));
}
