/**
 * `npm start`: the local back office's address and a one-time login link for
 * the demo admin, written into the same local D1 the Worker reads.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { demoMembers } from "../../db/demo";
import { loginLink } from "../../services/links";

/** LINK_SECRET from .dev.vars if set there (wrangler dev reads it too), else the webhook secret the Worker falls back to. */
function localLinkSecret(root: string, webhookSecret: string): string {
  const file = join(root, ".dev.vars");
  const line = existsSync(file) ? /^LINK_SECRET\s*=\s*"?([^"\n]+)"?/m.exec(readFileSync(file, "utf8")) : null;
  return line?.[1]?.trim() || webhookSecret;
}

export async function demoAdminLoginLink(o: {
  root: string;
  workerUrl: string;
  webhookSecret: string;
  persistTo?: string;
}): Promise<string | null> {
  const admin = demoMembers.find((m) => m.role === "admin");
  if (!admin) return null;
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: "wrangler.toml",
    persist: o.persistTo ? { path: `${o.persistTo}/v3` } : true,
  });
  try {
    const row = await proxy.env.DB.prepare(
      "select m.id from members m join member_channels mc on mc.member_id = m.id and mc.channel = 'telegram' where mc.user_id = ?1 and m.removed_at is null",
    )
      .bind(String(admin.telegramId))
      .first<{ id: number }>();
    if (!row) return null;
    return await loginLink(
      { DB: proxy.env.DB, LINK_SECRET: localLinkSecret(o.root, o.webhookSecret), PUBLIC_URL: o.workerUrl },
      row.id,
    );
  } finally {
    await proxy.dispose();
  }
}
