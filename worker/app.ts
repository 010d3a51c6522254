import { Hono } from "hono";
import { notFoundPage, web } from "../web/app";
import type { Env } from "../services/env";
import { telegramWebhook } from "./routes/telegram-webhook";
import { zaloWebhook } from "./routes/zalo-webhook";

export const app = new Hono<{ Bindings: Env }>();

app.get("/health", async (c) => {
  await c.env.DB.prepare("select 1").first();
  return c.json({ ok: true });
});

app.route("/telegram", telegramWebhook);
app.route("/zalo", zaloWebhook);
app.route("/web", web);

app.get("/", (c) => c.redirect("/web", 302));

// A person who mistypes an address gets the back office's Vietnamese page; machines calling the webhooks a plain 404.
app.notFound((c) => (c.req.method === "GET" ? notFoundPage() : c.text("Not Found", 404)));
