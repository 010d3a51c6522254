import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Env } from "../../services/env";
import worker from "../../worker/index";

describe("/health", () => {
  it("answers without touching the database (issue 18, item 6)", async () => {
    let touched = 0;
    const db = new Proxy(env.DB, {
      get() {
        touched++;
        throw new Error("the database was touched");
      },
    });
    const response = await worker.fetch(new Request("https://bot.test/health"), { ...(env as Env), DB: db }, {
      waitUntil() {},
      passThroughOnException() {},
    } as unknown as ExecutionContext);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(touched).toBe(0);
  });
});
