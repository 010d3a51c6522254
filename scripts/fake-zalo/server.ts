/**
 * The fake Zalo Bot API as a local HTTP server (Node).
 *
 *   const fake = await startFakeZaloApi({ port: 0 });   // any free port
 *   // point the worker's ZALO_API_ROOT at fake.url
 *   await fake.close();
 *
 * Standalone: `npx tsx scripts/fake-zalo/server.ts [--port 8791] [--no-rate-limit] [--token <token>]`.
 */
import { pathToFileURL } from "node:url";
import { createFakeZaloApi, type FakeZaloApi, type FakeZaloApiOptions } from "./fake-zalo-api";
import { serve } from "../lib/node-http";

export interface StartFakeZaloApiOptions extends FakeZaloApiOptions {
  /** 0 = any free port. Default 0. */
  port?: number;
  host?: string;
}

export interface RunningFakeZaloApi {
  /** e.g. http://127.0.0.1:8791 — use as ZALO_API_ROOT. */
  url: string;
  port: number;
  api: FakeZaloApi;
  close(): Promise<void>;
}

export async function startFakeZaloApi(options: StartFakeZaloApiOptions = {}): Promise<RunningFakeZaloApi> {
  const { port = 0, host = "127.0.0.1", ...apiOptions } = options;
  const api = createFakeZaloApi(apiOptions);
  const server = await serve(api.fetch, { port, host });
  return { url: server.url, port: server.port, api, close: server.close };
}

// ------------------------------------------------------------------ CLI

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const optionValue = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const token = optionValue("--token");
  const fake = await startFakeZaloApi({
    port: Number(optionValue("--port") ?? 8791),
    ...(args.includes("--no-rate-limit") ? { rateLimit: false as const } : {}),
    ...(token ? { token } : {}),
  });
  console.log(`Zalo Bot API giả đang chạy: ${fake.url}  (điều khiển: ${fake.url}/__fake/calls)`);
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
