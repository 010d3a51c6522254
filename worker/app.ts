import { Hono } from "hono";
import type { Env } from "../services/env";
import { notFoundPage, web } from "../web/app";
import { telegramAdapter } from "./channels/telegram";
import { zaloAdapter } from "./channels/zalo";
import { receive } from "./pipeline";

export const app = new Hono<{ Bindings: Env }>();

app.get("/health", async (c) => {
  await c.env.DB.prepare("select 1").first();
  return c.json({ ok: true });
});

// Each chat channel is an adapter (worker/channels) on the one inbound pipeline.
app.post("/telegram/webhook", (c) => receive(c, telegramAdapter));
app.post("/zalo/webhook", (c) => receive(c, zaloAdapter));
app.route("/web", web);

app.get("/", (c) => c.redirect("/web", 302));

// A person who mistypes an address gets the back office's Vietnamese page; machines calling the webhooks a plain 404.
app.notFound((c) => (c.req.method === "GET" ? notFoundPage() : c.text("Not Found", 404)));
