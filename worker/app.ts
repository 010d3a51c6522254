import { Hono, type MiddlewareHandler } from "hono";
import { webhookSecretProblems } from "../core/settings/secrets";
import type { Env } from "../services/env";
import { notFoundPage, web } from "../web/app";
import { telegramAdapter } from "./channels/telegram";
import { zaloAdapter } from "./channels/zalo";
import { receive } from "./pipeline";

export const app = new Hono<{ Bindings: Env }>();

// Liveness only: an unauthenticated probe must not cost (or be able to exhaust) D1 reads.
app.get("/health", (c) => c.json({ ok: true }));

/**
 * A webhook stays closed (503, so the platform keeps its updates) while its
 * secret or the links' key is missing, short, reused or a demo value — unless
 * this is a local run that says so (ALLOW_DEMO_SECRETS). The problem is logged
 * by name, never the value.
 */
const strongSecrets =
  (channel: "telegram" | "zalo"): MiddlewareHandler<{ Bindings: Env }> =>
  async (c, next) => {
    const token = channel === "telegram" ? c.env.TELEGRAM_BOT_TOKEN : c.env.ZALO_BOT_TOKEN;
    // Without its token the channel is simply not served (404 from its route).
    if (c.env.ALLOW_DEMO_SECRETS === "true" || !token) return next();
    const problems = webhookSecretProblems(channel, c.env);
    if (problems.length === 0) return next();
    console.error(JSON.stringify({ event: "webhook.closed", channel, problems }));
    return c.text("Service Unavailable: secrets not configured", 503);
  };

app.use("/telegram/*", strongSecrets("telegram"));
app.use("/zalo/*", strongSecrets("zalo"));
// Each chat channel is an adapter (worker/channels) on the one inbound pipeline.
app.post("/telegram/webhook", (c) => receive(c, telegramAdapter));
app.post("/zalo/webhook", (c) => receive(c, zaloAdapter));
app.route("/web", web);

app.get("/", (c) => c.redirect("/web", 302));

// A person who mistypes an address gets the back office's Vietnamese page; machines calling the webhooks a plain 404.
app.notFound((c) => (c.req.method === "GET" ? notFoundPage() : c.text("Not Found", 404)));
