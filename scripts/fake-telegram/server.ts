/**
 * The fake Telegram Bot API as a local HTTP server (Node).
 *
 *   const fake = await startFakeBotApi({ port: 0 });   // any free port
 *   // point the worker's TELEGRAM_API_ROOT at fake.url
 *   await fake.close();
 *
 * Standalone: `npx tsx scripts/fake-telegram/server.ts [--port 8790] [--no-rate-limit]`.
 */
import { pathToFileURL } from "node:url";
import { serve } from "../lib/node-http";
import { createFakeBotApi, type FakeBotApiOptions } from "./fake-bot-api";

export interface StartFakeBotApiOptions extends FakeBotApiOptions {
  /** 0 = any free port. Default 0. */
  port?: number;
  host?: string;
}

export interface RunningFakeBotApi {
  /** e.g. http://127.0.0.1:8790 — use as TELEGRAM_API_ROOT. */
  url: string;
  port: number;
  api: ReturnType<typeof createFakeBotApi>;
  close(): Promise<void>;
}

export async function startFakeBotApi(options: StartFakeBotApiOptions = {}): Promise<RunningFakeBotApi> {
  const { port = 0, host = "127.0.0.1", ...apiOptions } = options;
  const api = createFakeBotApi(apiOptions);
  const server = await serve((request) => api.fetch(request), { port, host });
  return {
    url: server.url,
    port: server.port,
    api,
    close() {
      api.dispose();
      return server.close();
    },
  };
}

// ------------------------------------------------------------------ CLI

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const portArg = args.indexOf("--port");
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 8790;
  const fake = await startFakeBotApi({ port, rateLimit: !args.includes("--no-rate-limit") });
  console.log(`Bot API giả đang chạy: ${fake.url}  (điều khiển: ${fake.url}/__fake/calls)`);
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
