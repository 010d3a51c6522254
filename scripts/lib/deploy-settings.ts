/**
 * What `npm run deploy` refuses before anything is deployed: the local demo
 * token, secret and bot name work on a laptop and must never reach Cloudflare.
 * Pure, so the rules are one table test (test/scripts/deploy-settings.test.ts).
 */

import { DEMO_TOKENS, secretProblem } from "../../core/settings/secrets";

export { MIN_SECRET_LENGTH } from "../../core/settings/secrets";
export const DEMO_BOT_USERNAME = "kehoach_demo_bot";
/** A BotFather token: the bot's id, a colon, 35 characters. */
const TOKEN_SHAPE = /^\d{5,}:[A-Za-z0-9_-]{30,}$/;
const USERNAME_SHAPE = /^[A-Za-z][A-Za-z0-9_]{3,30}[Bb][Oo][Tt]$/;

export interface DeploySettings {
  token: string | undefined;
  secret: string | undefined;
  /** BOT_USERNAME as the Worker will see it (wrangler.toml [vars], or the environment). */
  botUsername: string | undefined;
  /** The Zalo bot's token; unset: no Zalo channel (then its secret is not asked for). */
  zaloToken?: string | undefined;
  zaloSecret?: string | undefined;
  /** The key of signed links: required, and different from both webhook secrets. */
  linkSecret?: string | undefined;
}

/** Every problem with the settings, as sentences to print; empty when they may be deployed. */
export function deploySettingsProblems({
  token,
  secret,
  botUsername,
  zaloToken,
  zaloSecret,
  linkSecret,
}: DeploySettings): string[] {
  const problems: string[] = [];
  if (!token) problems.push("Chưa đặt TELEGRAM_BOT_TOKEN (token lấy từ @BotFather).");
  else if (DEMO_TOKENS.has(token))
    problems.push("TELEGRAM_BOT_TOKEN đang là token demo chạy máy; hãy dùng token thật từ @BotFather.");
  else if (!TOKEN_SHAPE.test(token)) problems.push("TELEGRAM_BOT_TOKEN không đúng dạng token của @BotFather (số:chuỗi ký tự).");

  const telegramSecret = secretProblem("TELEGRAM_WEBHOOK_SECRET", secret);
  if (telegramSecret) problems.push(telegramSecret);

  if (zaloToken) {
    if (DEMO_TOKENS.has(zaloToken))
      problems.push("ZALO_BOT_TOKEN đang là token demo chạy máy; hãy dùng token thật của bot Zalo.");
    const zalo = secretProblem("ZALO_WEBHOOK_SECRET", zaloSecret, [secret]);
    if (zalo) problems.push(zalo);
  }
  const link = secretProblem("LINK_SECRET", linkSecret, [secret, zaloToken ? zaloSecret : undefined]);
  if (link) problems.push(link);

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
