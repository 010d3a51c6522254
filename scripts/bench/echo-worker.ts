/**
 * The floor for the webhook benchmark: a bare grammY echo bot on Workers,
 * no database. Whatever the real bot costs beyond this is our own work.
 */
import { Bot, webhookCallback } from "grammy";

interface EchoEnv {
  TELEGRAM_BOT_TOKEN: string;
  TELEGRAM_API_ROOT: string;
}

let handler: ((request: Request) => Promise<Response>) | undefined;

export default {
  fetch(request: Request, env: EchoEnv): Promise<Response> {
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
    return handler(request);
  },
};
