/**
 * What makes a deployment's secrets acceptable, for `npm run deploy` before it
 * deploys (scripts/lib/deploy-settings.ts) and for the Worker itself at run
 * time (its webhooks answer 503 rather than run on a guessable secret).
 * Local runs and tests use the demo values below and say so explicitly
 * (ALLOW_DEMO_SECRETS, set by `npm start`, the tests and the benchmarks).
 */

/** Values that ship with the repository (local demo, tests, .dev.vars.example). */
export const DEMO_TOKENS: ReadonlySet<string> = new Set([
  "123456789:LOCAL-DEMO-TOKEN",
  "123456789:TEST-TOKEN",
  "local-zalo-demo-token",
  "zalo-test-token",
]);
export const DEMO_SECRETS: ReadonlySet<string> = new Set([
  "local-dev-secret",
  "test-webhook-secret",
  "local-zalo-secret",
  "zalo-test-secret",
  "browser-test-link-secret",
]);

/** Telegram's and Zalo's secret_token: 1–256 characters of A–Z, a–z, 0–9, _ and -; we ask for 32 at least. */
export const MIN_SECRET_LENGTH = 32;
const SECRET_CHARS = /^[A-Za-z0-9_-]+$/;

export type SecretName = "TELEGRAM_WEBHOOK_SECRET" | "ZALO_WEBHOOK_SECRET" | "LINK_SECRET";

/** What is wrong with one secret, as a sentence; null when it may be used. `others`: secrets it must differ from. */
export function secretProblem(name: SecretName, value: string | undefined, others: (string | undefined)[] = []): string | null {
  if (!value) return `Chưa đặt ${name}.`;
  if (DEMO_SECRETS.has(value)) return `${name} đang là giá trị demo; hãy tạo một chuỗi ngẫu nhiên mới.`;
  if (value.length < MIN_SECRET_LENGTH) return `${name} quá ngắn: cần ít nhất ${MIN_SECRET_LENGTH} ký tự ngẫu nhiên.`;
  if (value.length > 256 || !SECRET_CHARS.test(value))
    return `${name} chỉ được gồm chữ cái không dấu, chữ số, _ và -, tối đa 256 ký tự.`;
  if (others.some((other) => other === value))
    return `${name} phải khác các secret của webhook: ai biết secret của webhook không được ký được đường dẫn.`;
  return null;
}

export interface RuntimeSecrets {
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
  ZALO_BOT_TOKEN?: string;
  ZALO_WEBHOOK_SECRET?: string;
  LINK_SECRET?: string;
}

/**
 * The problems that keep a channel's webhook closed: its own secret, and the
 * key of signed links (login, forms, downloads) that its answers carry.
 */
export function webhookSecretProblems(channel: "telegram" | "zalo", env: RuntimeSecrets): string[] {
  const own = channel === "telegram" ? env.TELEGRAM_WEBHOOK_SECRET : env.ZALO_WEBHOOK_SECRET;
  const token = channel === "telegram" ? env.TELEGRAM_BOT_TOKEN : env.ZALO_BOT_TOKEN;
  const problems = [
    secretProblem(channel === "telegram" ? "TELEGRAM_WEBHOOK_SECRET" : "ZALO_WEBHOOK_SECRET", own),
    secretProblem("LINK_SECRET", env.LINK_SECRET, [env.TELEGRAM_WEBHOOK_SECRET, env.ZALO_WEBHOOK_SECRET]),
  ];
  if (token && DEMO_TOKENS.has(token)) problems.push("Token của bot đang là token demo.");
  return problems.filter((p): p is string => p !== null);
}
