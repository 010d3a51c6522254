import { z } from "zod";
import { DEFAULT_ALERT_CONFIG, type AlertConfig } from "../core/alerts/config";

/** Bindings and variables, as wrangler.toml, .dev.vars and `wrangler secret put` provide them. */
export interface Env {
  DB: D1Database;
  ALERTS?: Queue<unknown>;
  /** Evidence files and exports (R2). */
  FILES?: R2Bucket;
  /** Base URL of this Worker, for links sent in chat. */
  PUBLIC_URL?: string;
  /** HMAC key of signed links (login, upload, download); falls back to TELEGRAM_WEBHOOK_SECRET locally. */
  LINK_SECRET?: string;
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
  TELEGRAM_API_ROOT?: string;
  BOT_USERNAME?: string;
  /** Zalo Bot Platform: the bot's token, the webhook's secret_token, and the API root (a local fake in tests). */
  ZALO_BOT_TOKEN?: string;
  ZALO_WEBHOOK_SECRET?: string;
  ZALO_API_ROOT?: string;
  /** Hosts Zalo's photo URLs may point at (core/files/remote-photo.ts); default Zalo's file hosts. */
  ZALO_PHOTO_HOSTS?: string;
  /** The Zalo bot as people find it: its name, and its zalo.me link; invites say which bot to open. */
  ZALO_BOT_NAME?: string;
  ZALO_BOT_URL?: string;
  /** Exports of plans with more assignments than this are built by the queue (default 5000). */
  EXPORT_INLINE_MAX_ROWS?: string;
  /** Zalo messages a second, all chats together (no published limit). */
  ZALO_RATE?: string;
  /**
   * "true" only where the repository's demo secrets are meant (`npm start`, tests, benchmarks): the
   * webhooks then accept them. Never set when deployed (core/settings/secrets.ts).
   */
  ALLOW_DEMO_SECRETS?: string;
  /** "true" adds X-D1-Round-Trips to webhook responses, for benchmarks. */
  EXPOSE_METRICS?: string;
  /** Deadline alerts (README, "Deadline alerts"); each falls back to core/alerts/config.ts. */
  ALERT_OFFSETS?: string;
  ALERT_OVERDUE_EVERY?: string;
  ALERT_CHECKIN_LEAD_DAYS?: string;
  ALERT_HOLIDAYS?: string;
  ALERT_SEND_HOURS?: string;
  ALERT_SEND_ON_DAYS_OFF?: string;
  ALERT_RATE?: string;
  ALERT_MAX_ATTEMPTS?: string;
  ALERT_SEND_TIMEOUT_MS?: string;
}

const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, "TELEGRAM_BOT_TOKEN phải có dạng <số>:<chuỗi>"),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "TELEGRAM_WEBHOOK_SECRET: 1–256 ký tự A-Z a-z 0-9 _ -"),
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  BOT_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9_]{5,32}$/)
    .default("kehoach_demo_bot"),
  EXPOSE_METRICS: z.enum(["true", "false"]).default("false"),
});

export type Config = z.infer<typeof configSchema>;

const zaloSchema = z.object({
  ZALO_BOT_TOKEN: z.string().min(10, "ZALO_BOT_TOKEN: token của bot Zalo"),
  ZALO_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, "ZALO_WEBHOOK_SECRET: 8–256 ký tự A-Z a-z 0-9 _ -"),
  ZALO_API_ROOT: z.string().url().default("https://bot-api.zaloplatforms.com"),
  ZALO_RATE: z.coerce.number().min(0.1).max(30).default(5),
});

export type ZaloConfig = z.infer<typeof zaloSchema>;

const zaloConfigs = new WeakMap<Env, ZaloConfig | null>();

/** The Zalo channel's settings, or null when the deployment has no Zalo bot (its webhook then answers 404). */
export function readZaloConfig(env: Env): ZaloConfig | null {
  let config = zaloConfigs.get(env);
  if (config === undefined) {
    config = env.ZALO_BOT_TOKEN ? zaloSchema.parse(env) : null;
    zaloConfigs.set(env, config);
  }
  return config;
}

const configs = new WeakMap<Env, Config>();

/**
 * Fails loudly on a misconfigured deployment rather than answering Telegram
 * with a half-working bot. Parsed once per env object (an isolate keeps it),
 * not on every update.
 */
export function readConfig(env: Env): Config {
  let config = configs.get(env);
  if (!config) {
    config = configSchema.parse(env);
    configs.set(env, config);
  }
  return config;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const items = z.string().transform((s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const alertSchema = z.object({
  ALERT_OFFSETS: items
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^\d{1,2}$/)
            .transform(Number),
        )
        .min(1, "ALERT_OFFSETS: số ngày trước hạn, ví dụ 7,3,1,0"),
    )
    .optional(),
  ALERT_OVERDUE_EVERY: int(1, 60).optional(),
  ALERT_CHECKIN_LEAD_DAYS: int(0, 60).optional(),
  ALERT_HOLIDAYS: items
    .pipe(z.array(z.string().regex(isoDate, "ALERT_HOLIDAYS: ngày dạng yyyy-mm-dd, cách nhau bởi dấu phẩy")))
    .optional(),
  ALERT_SEND_HOURS: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, "ALERT_SEND_HOURS: giờ bắt đầu-giờ kết thúc, ví dụ 7-18")
    .transform((s) => s.split("-").map(Number) as [number, number])
    .refine(([from, to]) => from < to && to <= 24, "ALERT_SEND_HOURS: giờ bắt đầu phải trước giờ kết thúc (0–24)")
    .optional(),
  ALERT_SEND_ON_DAYS_OFF: z.enum(["true", "false"]).optional(),
  ALERT_RATE: z.coerce.number().min(0.1).max(30).optional(),
  ALERT_MAX_ATTEMPTS: int(1, 50).optional(),
  ALERT_SEND_TIMEOUT_MS: int(100, 60_000).optional(),
});

/** The alert configuration: core defaults, overridden by whichever ALERT_* variables are set. */
export function readAlertConfig(env: Env): AlertConfig {
  const v = alertSchema.parse(env);
  const d = DEFAULT_ALERT_CONFIG;
  return {
    ...d,
    offsets: v.ALERT_OFFSETS ?? d.offsets,
    overdueEveryWorkingDays: v.ALERT_OVERDUE_EVERY ?? d.overdueEveryWorkingDays,
    checkinLeadDays: v.ALERT_CHECKIN_LEAD_DAYS ?? d.checkinLeadDays,
    holidays: v.ALERT_HOLIDAYS ?? d.holidays,
    sendFromHour: v.ALERT_SEND_HOURS?.[0] ?? d.sendFromHour,
    sendToHour: v.ALERT_SEND_HOURS?.[1] ?? d.sendToHour,
    sendOnDaysOff: v.ALERT_SEND_ON_DAYS_OFF === undefined ? d.sendOnDaysOff : v.ALERT_SEND_ON_DAYS_OFF === "true",
    messagesPerSecond: v.ALERT_RATE ?? d.messagesPerSecond,
    maxAttempts: v.ALERT_MAX_ATTEMPTS ?? d.maxAttempts,
    sendTimeoutMs: v.ALERT_SEND_TIMEOUT_MS ?? d.sendTimeoutMs,
  };
}
