/**
 * The floor for the webhook benchmark: a bare grammY echo bot on Workers.
 * Whatever the real bot costs beyond this is our own work. At /d1/<n> the
 * same bot first makes n D1 round trips shaped like an update's (a batch
 * writing a claim and reading a row, then a write, then a read): locally D1
 * runs in the same workerd, so this shows what those round trips alone cost.
 */
import { Bot, webhookCallback } from "grammy";

interface EchoEnv {
  TELEGRAM_BOT_TOKEN: string;
  TELEGRAM_API_ROOT: string;
  DB?: D1Database;
}

let handler: ((request: Request) => Promise<Response>) | undefined;
let tables: Promise<unknown> | undefined;
let sequence = 0;

async function roundTrips(db: D1Database, count: number): Promise<void> {
  tables ??= db.exec(
    "create table if not exists echo_claims (key text primary key, state text not null, claimed_at text not null)",
  );
  await tables;
  const key = `echo:${Date.now()}:${++sequence}`;
  const now = new Date().toISOString();
  if (count >= 1) {
    await db.batch([
      db
        .prepare(
          "insert into echo_claims (key, state, claimed_at) values (?1, 'processing', ?2) on conflict (key) do nothing returning key",
        )
        .bind(key, now),
      db.prepare("select key, state, claimed_at from echo_claims where key = ?1").bind(key),
    ]);
  }
  if (count >= 2) await db.prepare("update echo_claims set state = 'done' where key = ?1").bind(key).run();
  if (count >= 3) await db.prepare("select key, state, claimed_at from echo_claims where key = ?1").bind(key).all();
}

export default {
  async fetch(request: Request, env: EchoEnv): Promise<Response> {
    if (!handler) {
      const bot = new Bot(env.TELEGRAM_BOT_TOKEN, {
        client: { apiRoot: env.TELEGRAM_API_ROOT },
        botInfo: {
          id: 1,
          is_bot: true,
          first_name: "Echo",
          username: "echo_bot",
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
          has_topics_enabled: false,
          allows_users_to_create_topics: false,
          can_manage_bots: false,
          supports_join_request_queries: false,
        },
      });
      bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
      handler = webhookCallback(bot, "cloudflare-mod");
    }
    const trips = /^\/d1\/([1-3])$/.exec(new URL(request.url).pathname);
    if (trips && env.DB) await roundTrips(env.DB, Number(trips[1]));
    return handler(request);
  },
};
