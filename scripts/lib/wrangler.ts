/** Running wrangler from scripts: quietly offline, and a `wrangler dev` that is ready when its /health answers. */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from "node:fs";
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
  /**
   * The workerd process that runs the worker itself (and, locally, its D1),
   * for reading its CPU time; null when it cannot be told apart (not Linux).
   * wrangler dev starts two: a proxy listening on `port`, and this one.
   */
  workerdPid: number | null;
  stop(): Promise<void>;
}

/** The worker's own workerd among the processes of wrangler's process group (see RunningWorker.workerdPid). */
export function findWorkerdPid(groupId: number, port: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const found: number[] = [];
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const [state, , pgid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (comm !== "workerd" || state === "Z" || Number(pgid) !== groupId) continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.includes(`entry=127.0.0.1:${port}\0`)) found.push(Number(pid));
    } catch {
      /* exited meanwhile */
    }
  }
  return found.length === 1 ? found[0]! : null;
}

export async function startWranglerDev(options: WranglerDevOptions): Promise<RunningWorker> {
  const args = ["wrangler", "dev", "--port", String(options.port), "--ip", "127.0.0.1"];
  if (options.config) args.push("--config", options.config);
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  // Every local run (benchmarks, browser tests) uses the repository's demo secrets, and says so.
  for (const [key, value] of Object.entries({ ALLOW_DEMO_SECRETS: "true", ...options.vars }))
    args.push("--var", `${key}:${value}`);
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
      if ((options.isReady ?? ((r) => r.status === 200))(response))
        return { url, workerdPid: findWorkerdPid(child.pid!, options.port), stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within ${(options.timeoutMs ?? 60_000) / 1000} s; see ${options.logFile}`);
}
