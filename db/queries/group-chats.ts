/**
 * Whether this is the first message the bot answers in a group chat: true
 * once per group (the row is written then), false ever after.
 */
export async function firstWordToGroup(d1: D1Database, chatKey: string): Promise<boolean> {
  const row = await d1
    .prepare("insert into group_chats (chat_key) values (?1) on conflict (chat_key) do nothing returning chat_key")
    .bind(chatKey)
    .first();
  return row !== null;
}
