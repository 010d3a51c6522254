/**
 * The fake Telegram Bot API as a local HTTP server (Node).
 *
 *   const fake = await startFakeBotApi({ port: 0 });   // any free port
 *   // point the worker's TELEGRAM_API_ROOT at fake.url
 *   await fake.close();
 *
 * Standalone: `npx tsx scripts/fake-telegram/server.ts [--port 8790] [--no-rate-limit]`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
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

async function toRequest(req: IncomingMessage, base: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else headers.set(k, v);
  }
  const method = req.method ?? "GET";
  const body = chunks.length && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base).href, { method, headers, body, signal } as RequestInit);
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    headers[k] = v;
  });
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export async function startFakeBotApi(options: StartFakeBotApiOptions = {}): Promise<RunningFakeBotApi> {
  const { port = 0, host = "127.0.0.1", ...apiOptions } = options;
  const api = createFakeBotApi(apiOptions);
  let base = `http://${host}`;
  const server = createServer((req, res) => {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    void (async () => {
      try {
        const request = await toRequest(req, base, abort.signal);
        const response = await api.fetch(request);
        if (abort.signal.aborted) return;
        await writeResponse(res, response);
      } catch (e) {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${String(e)}` }));
        } else res.destroy();
      }
    })();
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  base = `http://${hostForUrl}:${address.port}`;
  let closed: Promise<void> | null = null;
  return {
    url: base,
    port: address.port,
    api,
    close() {
      closed ??= new Promise<void>((resolve) => {
        api.dispose();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
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
