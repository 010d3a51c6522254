/**
 * `npm run deploy`: wrangler deploy, then tell Telegram where the webhook is
 * (with its secret) and which commands to show in the menu, in Vietnamese.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { menuFor } from "../bot/command-menu";
import type { Role } from "../db/schema";
import { setZaloWebhook } from "./lib/zalo-deploy";
import { botIdentityProblem, botUsernameFromToml, deploySettingsProblems } from "./lib/deploy-settings";

const token = process.env.TELEGRAM_BOT_TOKEN;
const secret = process.env.TELEGRAM_WEBHOOK_SECRET;
const botUsername = process.env.BOT_USERNAME ?? botUsernameFromToml(readFileSync("wrangler.toml", "utf8"));
const apiRoot = process.env.TELEGRAM_API_ROOT ?? "https://api.telegram.org";

// Nothing is deployed with the demo's token, secret or bot name, or with a guessable secret.
const problems = deploySettingsProblems({
  token,
  secret,
  botUsername,
  zaloToken: process.env.ZALO_BOT_TOKEN,
  zaloSecret: process.env.ZALO_WEBHOOK_SECRET,
  linkSecret: process.env.LINK_SECRET,
});
if (problems.length > 0 || !token || !secret || !botUsername) {
  console.error(
    [
      "Chưa triển khai:",
      ...problems.map((p) => `• ${p}`),
      "(TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, LINK_SECRET và, nếu dùng Zalo, ZALO_BOT_TOKEN, ZALO_WEBHOOK_SECRET giống các secret đã đặt bằng wrangler secret put.)",
    ].join("\n"),
  );
  process.exit(1);
}
const me = await fetch(`${apiRoot}/bot${token}/getMe`)
  .then(async (r) => ((await r.json()) as { ok: boolean; result?: { username?: string } }).result ?? null)
  .catch(() => null);
const identity = botIdentityProblem(botUsername, me);
if (identity) {
  console.error(`Chưa triển khai: ${identity}`);
  process.exit(1);
}

const deploy = spawnSync("npx", ["wrangler", "deploy"], { encoding: "utf8", stdio: ["inherit", "pipe", "inherit"] });
process.stdout.write(deploy.stdout ?? "");
if (deploy.status !== 0) process.exit(deploy.status ?? 1);

const workerUrl = process.env.WORKER_URL ?? /https:\/\/[^\s]+\.workers\.dev/.exec(deploy.stdout ?? "")?.[0];
if (!workerUrl) {
  console.error("Không đọc được địa chỉ Worker; chạy lại với WORKER_URL=https://…");
  process.exit(1);
}

async function call(method: string, params: unknown): Promise<void> {
  const response = await fetch(`${apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as { ok: boolean; description?: string };
  if (!body.ok) throw new Error(`${method}: ${body.description}`);
  console.log(`${method}: ok`);
}

await call("setWebhook", {
  url: `${workerUrl}/telegram/webhook`,
  secret_token: secret,
  allowed_updates: ["message", "callback_query", "my_chat_member"],
  drop_pending_updates: false,
});
// The default menu is a member's; the office's people get their own, per chat (bot/command-menu.ts).
const memberMenu = menuFor("member");
await call("setMyCommands", { commands: memberMenu, language_code: "vi" });
await call("setMyCommands", { commands: memberMenu });

const office = spawnSync(
  "npx",
  [
    "wrangler",
    "d1",
    "execute",
    "DB",
    "--remote",
    "--json",
    "--command",
    "select mc.chat_id, m.role from members m join member_channels mc on mc.member_id = m.id and mc.channel = 'telegram' where m.removed_at is null and m.role in ('admin', 'viewer')",
  ],
  { encoding: "utf8" },
);
const rows =
  office.status === 0
    ? ((JSON.parse(office.stdout) as { results: { chat_id: string; role: Role }[] }[])[0]?.results ?? [])
    : null;
if (rows === null) {
  console.warn("Không đọc được danh sách quản trị, theo dõi từ D1; menu lệnh của họ sẽ được đặt khi họ gõ /trogiup.");
} else {
  for (const row of rows)
    await call("setMyCommands", { commands: menuFor(row.role), scope: { type: "chat", chat_id: Number(row.chat_id) } });
}

await setZaloWebhook(process.env, workerUrl);
