import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { conversations } from "../schema";

export type Conversation = typeof conversations.$inferSelect;

export function conversationByChat(db: Db, chatId: string) {
  return db.select().from(conversations).where(eq(conversations.chatId, chatId)).limit(1);
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
