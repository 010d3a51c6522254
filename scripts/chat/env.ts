/** Local settings shared by start.ts, the terminal chat and the relay. */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const LOCAL_TOKEN = "123456789:LOCAL-DEMO-TOKEN";
export const LOCAL_SECRET = "local-dev-secret";
export const REAL_API_ROOT = "https://api.telegram.org";

/** Reads KEY=VALUE lines (comments, `export `, quotes allowed) from a .dev.vars file; {} when absent. */
export function readDevVars(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const raw of readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!.trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
      if (m[2]!.trim().startsWith('"')) value = value.replace(/\\n/g, "\n").replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, "");
    }
    out[m[1]!] = value;
  }
  return out;
}

export interface LocalTelegramSettings {
  token: string;
  secret: string;
  /** TELEGRAM_API_ROOT from the environment or .dev.vars, if any. */
  apiRoot?: string;
  /** A token other than the local demo one is configured: talk to the real Telegram. */
  realToken: boolean;
}

/** process.env wins over .dev.vars, which wins over the local defaults. */
export function localTelegramSettings(root: string, env: NodeJS.ProcessEnv = process.env): LocalTelegramSettings {
  const vars = readDevVars(resolve(root, ".dev.vars"));
  const pick = (k: string) => (env[k]?.trim() ? env[k]!.trim() : vars[k]?.trim() ? vars[k]!.trim() : undefined);
  const token = pick("TELEGRAM_BOT_TOKEN") ?? LOCAL_TOKEN;
  const apiRoot = pick("TELEGRAM_API_ROOT");
  return {
    token,
    secret: pick("TELEGRAM_WEBHOOK_SECRET") ?? LOCAL_SECRET,
    ...(apiRoot ? { apiRoot } : {}),
    realToken: token !== LOCAL_TOKEN,
  };
}
