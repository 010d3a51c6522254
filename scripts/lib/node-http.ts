/** Serves a web-standard `(Request) => Promise<Response>` handler with node:http. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

async function toRequest(req: IncomingMessage, base: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const body = chunks.length && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base).href, { method, headers, body, signal });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export interface ListeningServer {
  /** e.g. http://127.0.0.1:8791 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serve(
  handler: (request: Request) => Promise<Response>,
  { port = 0, host = "127.0.0.1" }: { port?: number; host?: string } = {},
): Promise<ListeningServer> {
  let base = `http://${host}`;
  const server: Server = createServer((req, res) => {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    void (async () => {
      try {
        const response = await handler(await toRequest(req, base, abort.signal));
        if (!abort.signal.aborted) await writeResponse(res, response);
      } catch (e) {
        if (res.headersSent) return void res.destroy();
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${String(e)}` }));
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
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
