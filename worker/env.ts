import { z } from "zod";

/** Bindings and variables, as wrangler.toml, .dev.vars and `wrangler secret put` provide them. */
export interface Env {
  DB: D1Database;
  ALERTS?: Queue<unknown>;
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
  TELEGRAM_API_ROOT?: string;
  BOT_USERNAME?: string;
  /** "true" adds X-D1-Round-Trips to webhook responses, for benchmarks. */
  EXPOSE_METRICS?: string;
}

const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, "TELEGRAM_BOT_TOKEN phải có dạng <số>:<chuỗi>"),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "TELEGRAM_WEBHOOK_SECRET: 1–256 ký tự A-Z a-z 0-9 _ -"),
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  BOT_USERNAME: z.string().regex(/^[A-Za-z0-9_]{5,32}$/).default("kehoach_demo_bot"),
  EXPOSE_METRICS: z.enum(["true", "false"]).default("false"),
});

export type Config = z.infer<typeof configSchema>;

/** Fails loudly on a misconfigured deployment rather than answering Telegram with a half-working bot. */
export function readConfig(env: Env): Config {
  return configSchema.parse(env);
}
