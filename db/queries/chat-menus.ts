import { sql, type SQL } from "drizzle-orm";
/** A line of a menu shown on a chat without buttons: the key typed and the action it stands for. */
export interface MenuItem {
  key: string;
  data: string;
  /** The task the action names, and whether it opens its card: read ahead when this key is typed (db/queries/prefetch). */
  assignmentId?: number;
  card?: true;
}

/**
 * The id of the task named by the item the person typed the key of, in the
 * chat's last menu (`cardOnly`: only when that item opens the task's card).
 * For a compiled query's where clause: placeholders `chatKey` and `key`.
 */
export function pickedAssignmentId(cardOnly: boolean): SQL {
  return sql`(select json_extract(j.value, '$.assignmentId') from chat_menus m, json_each(m.items) j
    where m.chat_key = ${sql.placeholder("chatKey")} and json_extract(j.value, '$.key') = ${sql.placeholder("key")}${cardOnly ? sql` and json_extract(j.value, '$.card') = 1` : sql``})`;
}

/** Zalo chats are keyed apart from Telegram's numeric chat ids. */
export const zaloChatKey = (chatId: string) => `zl:${chatId}`;

/** The chat's last menu: replaced by each new one. */
export async function saveChatMenu(d1: D1Database, chatKey: string, items: MenuItem[]): Promise<void> {
  await chatMenuStatement(d1, chatKey, items).run();
}

export function chatMenuStatement(d1: D1Database, chatKey: string, items: MenuItem[]): D1PreparedStatement {
  return d1
    .prepare(
      `insert into chat_menus (chat_key, items, created_at) values (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       on conflict (chat_key) do update set items = excluded.items, created_at = excluded.created_at`,
    )
    .bind(chatKey, JSON.stringify(items));
}

/** The chat's last menu, for the webhook's first batch. */
export function chatMenuByKey(d1: D1Database, chatKey: string): D1PreparedStatement {
  return d1.prepare("select items, created_at as createdAt from chat_menus where chat_key = ?1").bind(chatKey);
}

export function chatMenuFrom(
  row: { items: string; createdAt: string } | undefined,
): { items: MenuItem[]; createdAt: string } | null {
  return row ? { items: JSON.parse(row.items) as MenuItem[], createdAt: row.createdAt } : null;
}
