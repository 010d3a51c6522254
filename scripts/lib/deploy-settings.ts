/**
 * What `npm run deploy` refuses before anything is deployed: the local demo
 * token, secret and bot name work on a laptop and must never reach Cloudflare.
 * Pure, so the rules are one table test (test/scripts/deploy-settings.test.ts).
 */

/** Values that ship with the repository (local demo, tests, .dev.vars.example). */
const DEMO_TOKENS = new Set(["123456789:LOCAL-DEMO-TOKEN", "123456789:TEST-TOKEN"]);
const DEMO_SECRETS = new Set(["local-dev-secret", "test-webhook-secret"]);
export const DEMO_BOT_USERNAME = "kehoach_demo_bot";

/** Telegram's secret_token: 1–256 characters of A–Z, a–z, 0–9, _ and -; we ask for 32 at least. */
export const MIN_SECRET_LENGTH = 32;
const SECRET_CHARS = /^[A-Za-z0-9_-]+$/;
/** A BotFather token: the bot's id, a colon, 35 characters. */
const TOKEN_SHAPE = /^\d{5,}:[A-Za-z0-9_-]{30,}$/;
const USERNAME_SHAPE = /^[A-Za-z][A-Za-z0-9_]{3,30}[Bb][Oo][Tt]$/;

export interface DeploySettings {
  token: string | undefined;
  secret: string | undefined;
  /** BOT_USERNAME as the Worker will see it (wrangler.toml [vars], or the environment). */
  botUsername: string | undefined;
}

/** Every problem with the settings, as sentences to print; empty when they may be deployed. */
export function deploySettingsProblems({ token, secret, botUsername }: DeploySettings): string[] {
  const problems: string[] = [];
  if (!token) problems.push("Chưa đặt TELEGRAM_BOT_TOKEN (token lấy từ @BotFather).");
  else if (DEMO_TOKENS.has(token))
    problems.push("TELEGRAM_BOT_TOKEN đang là token demo chạy máy; hãy dùng token thật từ @BotFather.");
  else if (!TOKEN_SHAPE.test(token)) problems.push("TELEGRAM_BOT_TOKEN không đúng dạng token của @BotFather (số:chuỗi ký tự).");

  if (!secret) problems.push("Chưa đặt TELEGRAM_WEBHOOK_SECRET.");
  else if (DEMO_SECRETS.has(secret))
    problems.push("TELEGRAM_WEBHOOK_SECRET đang là giá trị demo; hãy tạo một chuỗi ngẫu nhiên mới.");
  else if (secret.length < MIN_SECRET_LENGTH)
    problems.push(`TELEGRAM_WEBHOOK_SECRET quá ngắn: cần ít nhất ${MIN_SECRET_LENGTH} ký tự ngẫu nhiên.`);
  else if (secret.length > 256 || !SECRET_CHARS.test(secret))
    problems.push("TELEGRAM_WEBHOOK_SECRET chỉ được gồm chữ cái không dấu, chữ số, _ và -, tối đa 256 ký tự.");

  if (!botUsername) problems.push("Chưa đặt BOT_USERNAME (trong wrangler.toml, mục [vars]).");
  else if (botUsername.toLowerCase() === DEMO_BOT_USERNAME)
    problems.push(`BOT_USERNAME đang là tên bot demo (${DEMO_BOT_USERNAME}); hãy đặt tên bot thật trong wrangler.toml.`);
  else if (!USERNAME_SHAPE.test(botUsername))
    problems.push("BOT_USERNAME không đúng dạng tên bot Telegram (kết thúc bằng “bot”, không có @).");
  return problems;
}

/** getMe's answer against the configured name: links (/start invites) must point at this very bot. */
export function botIdentityProblem(configured: string, getMe: { username?: string } | null): string | null {
  if (!getMe?.username) return "Telegram không trả lời getMe với token này: token sai hoặc đã bị thu hồi.";
  if (getMe.username.toLowerCase() !== configured.replace(/^@/, "").toLowerCase()) {
    return `Token thuộc về bot @${getMe.username}, nhưng BOT_USERNAME là ${configured}: sửa BOT_USERNAME trong wrangler.toml cho khớp.`;
  }
  return null;
}

/** BOT_USERNAME from the [vars] of wrangler.toml's text, or undefined. */
export function botUsernameFromToml(toml: string): string | undefined {
  let inVars = false;
  for (const raw of toml.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) inVars = line === "[vars]";
    else if (inVars) {
      const m = /^BOT_USERNAME\s*=\s*"([^"]*)"/.exec(line);
      if (m) return m[1];
    }
  }
  return undefined;
}
