import { sql, type SQL } from "drizzle-orm";
/** A line of a menu shown on a chat without buttons: the key typed and the action it stands for. */
export interface MenuItem {
  key: string;
  data: string;
  /** What the line says ("✔ Đồng ý", or the list line a number stands for): listed when a key names nothing. */
  label?: string;
  /** The task the action names, and whether it opens its card: read ahead when this key is typed (db/queries/prefetch). */
  assignmentId?: number;
  card?: true;
}

/** A message with choices still open in a chat: its keys act until it is answered or a day old. */
export interface LiveMenu {
  id: number;
  /** `reply`: a screen answering the person, replaced by the next one; `notice`: an alert or another person's action. */
  kind: MenuKind;
  /** The message's first line ("Đề nghị gia hạn …"). */
  title: string;
  items: MenuItem[];
  createdAt: string;
}

export type MenuKind = "reply" | "notice";

/** A menu answers typed keys for a day; after that a key asks to open the list again. */
export const MENU_LIFETIME_MS = 24 * 60 * 60 * 1000;
const LIVE = sql.raw(`strftime('%Y-%m-%dT%H:%M:%fZ','now','-1 day')`);

/**
 * The id of the task named by the item whose key the person typed, among the
 * chat's live menus (`cardOnly`: only when that item opens the task's card).
 * For a compiled query's where clause: placeholders `chatKey` and `key`.
 */
export function pickedAssignmentId(cardOnly: boolean): SQL {
  return sql`(select json_extract(j.value, '$.assignmentId') from chat_menus m, json_each(m.items) j
    where m.chat_key = ${sql.placeholder("chatKey")} and m.created_at > ${LIVE}
      and json_extract(j.value, '$.key') = ${sql.placeholder("key")}${cardOnly ? sql` and json_extract(j.value, '$.card') = 1` : sql``}
    order by m.id desc limit 1)`;
}

/** Zalo chats are keyed apart from Telegram's numeric chat ids. */
export const zaloChatKey = (chatId: string) => `zl:${chatId}`;

/** A new live menu for the chat. */
export function insertMenuStatement(
  d1: D1Database,
  chatKey: string,
  kind: MenuKind,
  menu: { title: string; items: MenuItem[] },
): D1PreparedStatement {
  return d1
    .prepare("insert into chat_menus (chat_key, kind, title, items) values (?1, ?2, ?3, ?4)")
    .bind(chatKey, kind, menu.title, JSON.stringify(menu.items));
}

/** Menus answered (their message was replaced, as a button's message is on Telegram), and the chat's expired ones. */
export function retireMenusStatement(d1: D1Database, chatKey: string, ids: number[]): D1PreparedStatement {
  return d1
    .prepare(
      `delete from chat_menus where chat_key = ?1
         and (id in (select value from json_each(?2)) or created_at <= strftime('%Y-%m-%dT%H:%M:%fZ','now','-1 day'))`,
    )
    .bind(chatKey, JSON.stringify(ids));
}

/** The chat's live menus, oldest first, for the webhook's first batch (and the outbox before it sends a menu). */
export function liveMenusStatement(d1: D1Database, chatKey: string): D1PreparedStatement {
  return d1
    .prepare(
      `select id, kind, title, items, created_at as createdAt from chat_menus
        where chat_key = ?1 and created_at > strftime('%Y-%m-%dT%H:%M:%fZ','now','-1 day') order by id`,
    )
    .bind(chatKey);
}

type LiveMenuRow = Omit<LiveMenu, "items"> & { items: string };

export function liveMenusFrom(rows: unknown[] | undefined): LiveMenu[] {
  return ((rows ?? []) as LiveMenuRow[]).map((r) => ({ ...r, items: JSON.parse(r.items) as MenuItem[] }));
}

/** The keys the chat's live menus use: a new menu takes others. */
export function keysInUse(menus: LiveMenu[]): Set<string> {
  return new Set(menus.flatMap((m) => m.items.map((i) => i.key)));
}
