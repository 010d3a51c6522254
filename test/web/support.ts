import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../worker/index";
import { loginLink } from "../../services/links";

export const ORIGIN = "https://bot.test";

/** A request to the Worker as a browser on the back office's own origin sends it. */
export async function webFetch(path: string, init: RequestInit & { cookie?: string | undefined } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.method === "POST" && !headers.has("origin")) headers.set("origin", ORIGIN);
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers, redirect: "manual" }), env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** The path and query of a link the chat would send. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

export interface WebSession {
  cookie: string;
  csrf: string;
}

/** Signs a member in through a fresh one-time link, as opening it from chat does. */
export async function signIn(memberId: number): Promise<WebSession> {
  // The link opens a page with a button; its POST signs in (issue 18, item 12).
  const token = new URL(await loginLink(env, memberId)).searchParams.get("t")!;
  const response = await webFetch("/web/dang-nhap", { method: "POST", body: new URLSearchParams({ t: token }) });
  if (response.status !== 303) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  const page = await webFetch("/web", { cookie });
  const html = await (page.status === 303
    ? webFetch(page.headers.get("location")!.replace(ORIGIN, ""), { cookie })
    : Promise.resolve(page)
  ).then((r) => r.text());
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error(`no CSRF field on the first page:\n${html.slice(0, 500)}`);
  return { cookie, csrf };
}

export function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

/** A form POST as the browser sends it (same origin, the session cookie). */
export function post(path: string, session: WebSession, fields: Record<string, string>, withCsrf = true): Promise<Response> {
  return webFetch(path, {
    method: "POST",
    cookie: session.cookie,
    body: form(withCsrf ? { _csrf: session.csrf, ...fields } : fields),
  });
}
