/**
 * What Telegram does with a webhook's answer: a JSON body with `method` is a
 * Bot API call, made on the bot's behalf (its result is never known). The
 * worker answers a button's callback query this way; whatever stands in for
 * Telegram locally (the relay, the terminal chat, tests, benchmarks) must
 * make that call too.
 */
export async function forwardWebhookReply(
  response: Response,
  apiRoot: string,
  token: string,
  fetcher: typeof fetch = fetch,
): Promise<void> {
  if (!response.ok || !response.headers.get("content-type")?.includes("application/json")) return;
  const { method, ...params } = (await response.json()) as { method?: unknown };
  if (typeof method !== "string" || !/^[A-Za-z]+$/.test(method)) return;
  await fetcher(`${apiRoot.replace(/\/+$/, "")}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  }).then((r) => r.arrayBuffer());
}
