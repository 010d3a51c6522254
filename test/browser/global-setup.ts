/**
 * The browser project's world: the fake Bot API, and the Worker under
 * `wrangler dev` on a free port with its own fresh local state (migrations
 * applied, the demo committee and plan loaded). Torn down after the run.
 */
import { spawnSync } from "node:child_process";
import { freePort } from "../../scripts/lib/free-port";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startFakeBotApi } from "../../scripts/fake-telegram/server";
import { applyLocalMigrations, quietWranglerEnv, startWranglerDev } from "../../scripts/lib/wrangler";
import { TEST_BOT_TOKEN, TEST_WEBHOOK_SECRET } from "../support/constants";

declare module "vitest" {
  export interface ProvidedContext {
    webBaseUrl: string;
    browserFakeTelegramUrl: string;
    linkSecret: string;
  }
}

export const LINK_SECRET = "browser-test-link-secret";

export default async function setup(project: TestProject) {
  const fake = await startFakeBotApi({ port: 0, rateLimit: false });
  const state = mkdtempSync(join(tmpdir(), "web-browser-"));
  mkdirSync("test-results/screenshots", { recursive: true });
  let stopWorker = async () => {};
  try {
    applyLocalMigrations(state);
    const seeded = spawnSync("npx", ["tsx", "scripts/seed-demo.ts", "--persist-to", state], {
      env: quietWranglerEnv,
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`demo seed failed:\n${seeded.stdout}\n${seeded.stderr}`);
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const worker = await startWranglerDev({
      port,
      persistTo: state,
      logFile: "test-results/wrangler-browser.log",
      vars: {
        TELEGRAM_API_ROOT: fake.url,
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
        LINK_SECRET,
        PUBLIC_URL: baseUrl,
      },
      timeoutMs: 120_000,
    });
    stopWorker = worker.stop;
    project.provide("webBaseUrl", baseUrl);
    project.provide("browserFakeTelegramUrl", fake.url);
    project.provide("linkSecret", LINK_SECRET);
  } catch (error) {
    await stopWorker();
    await fake.close();
    rmSync(state, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await stopWorker();
    await fake.close();
    rmSync(state, { recursive: true, force: true });
  };
}
