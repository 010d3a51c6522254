/** Running wrangler from scripts: quietly offline, and a `wrangler dev` that is ready when its /health answers. */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** wrangler and miniflare phone home (telemetry, Request.cf, update check); offline each costs ~10 s. */
export const quietWranglerEnv: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  CI: "true",
};

export function applyLocalMigrations(persistTo?: string): void {
  const args = ["wrangler", "d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])];
  const result = spawnSync("npx", args, { env: quietWranglerEnv, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`wrangler d1 migrations apply failed:\n${result.stdout}\n${result.stderr}`);
}

export interface WranglerDevOptions {
  port: number;
  config?: string;
  persistTo?: string;
  vars?: Record<string, string>;
  logFile: string;
  extraArgs?: string[];
  healthPath?: string;
  /** Whether the answer to healthPath means ready; default: 200. */
  isReady?: (response: Response) => boolean;
  timeoutMs?: number;
}

export interface RunningWorker {
  url: string;
  stop(): Promise<void>;
}

export async function startWranglerDev(options: WranglerDevOptions): Promise<RunningWorker> {
  const args = ["wrangler", "dev", "--port", String(options.port), "--ip", "127.0.0.1"];
  if (options.config) args.push("--config", options.config);
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  for (const [key, value] of Object.entries(options.vars ?? {})) args.push("--var", `${key}:${value}`);
  args.push(...(options.extraArgs ?? []));

  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const child = spawn("npx", args, { env: quietWranglerEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}); see ${options.logFile}`);
    try {
      const response = await fetch(`${url}${options.healthPath ?? "/health"}`);
      await response.arrayBuffer();
      if ((options.isReady ?? ((r) => r.status === 200))(response)) return { url, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within ${(options.timeoutMs ?? 60_000) / 1000} s; see ${options.logFile}`);
}
