import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signToken } from "../../services/signed-token";
import { loginLink, purposes } from "../../services/links";
import { sha256Hex } from "../../services/hash";
import { lastMessage } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { postUpdate, textUpdate } from "../support/webhook";
import { TEST_WEBHOOK_SECRET } from "../support/constants";
import { pathOf, post, signIn, webFetch } from "./support";

describe("login by a link from chat", () => {
  it("/web answers with a one-time link; opening it starts a secure session, a second opening is refused", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.admin, "/web"));
    const reply = (await lastMessage(c.admin.id)).text ?? "";
    expect(reply).toContain("dùng một lần, hết hạn sau 10 phút");
    const link = /https?:\/\/\S+/.exec(reply)![0];

    // Opening the link (as a chat app's preview fetcher would) shows a button and uses nothing up.
    for (let i = 0; i < 2; i++) {
      const opened = await webFetch(pathOf(link));
      expect(opened.status).toBe(200);
      expect(opened.headers.get("set-cookie")).toBeNull();
      const page = await opened.text();
      expect(page).toContain('method="post"');
      expect(page).toContain("Đăng nhập");
    }
    const token = new URL(link).searchParams.get("t")!;
    const first = await webFetch("/web/dang-nhap", { method: "POST", body: new URLSearchParams({ t: token }) });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/web");
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=28800/);

    const start = await webFetch("/web", { cookie: cookie.split(";")[0] });
    expect(start.headers.get("location")).toMatch(/^\/web\/ke-hoach\/\d+$/);
    const home = await webFetch(start.headers.get("location")!, { cookie: cookie.split(";")[0] });
    expect(home.status).toBe(200);
    expect(home.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(home.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(await home.text()).toContain("Tổng quan kế hoạch");

    const again = await webFetch("/web/dang-nhap", { method: "POST", body: new URLSearchParams({ t: token }) });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("đã được dùng");
    // Opened again once used: says so, with no button.
    const reopened = await webFetch(pathOf(link));
    expect(reopened.status).toBe(410);
    expect(await reopened.text()).not.toContain('method="post"');
  });

  it("refuses an expired link and a forged one, and starts no session", async () => {
    const c = await makeCommittee();
    const secret = env.TELEGRAM_WEBHOOK_SECRET!;
    const expired = await signToken(secret, purposes.login, { m: c.admin.memberId, n: "x" }, Date.now() - 1000);
    const response = await webFetch(`/web/dang-nhap?t=${expired}`);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("đã hết hạn");
    expect(response.headers.get("set-cookie")).toBeNull();

    const forged = await signToken("another-secret", purposes.login, { m: c.admin.memberId, n: "x" }, Date.now() + 60_000);
    const refused = await webFetch(`/web/dang-nhap?t=${forged}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("không hợp lệ");

    // Well signed but never issued (not in D1): refused too.
    const unissued = await signToken(TEST_WEBHOOK_SECRET, purposes.login, { m: c.admin.memberId, n: "y" }, Date.now() + 60_000);
    expect((await webFetch(`/web/dang-nhap?t=${unissued}`)).status).toBe(400);
  });

  it("keeps the token only as a hash", async () => {
    const c = await makeCommittee();
    const link = await loginLink(env, c.admin.memberId);
    const token = new URL(link).searchParams.get("t")!;
    const row = await env.DB.prepare("select token_hash from web_login_tokens where member_id = ?1")
      .bind(c.admin.memberId)
      .first<{ token_hash: string }>();
    expect(row!.token_hash).toBe(await sha256Hex(token));
  });

  it("pages without a session say how to sign in", async () => {
    const response = await webFetch("/web");
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("gõ /web trong chat");
  });

  it("logout ends the session; removing the member ends theirs at once", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    const out = await post("/web/dang-xuat", session, {});
    expect(out.status).toBe(200);
    expect(await out.text()).toContain("Đã đăng xuất");
    expect((await webFetch("/web", { cookie: session.cookie })).status).toBe(401);

    const viewer = await signIn(c.viewer.memberId);
    expect((await webFetch("/web/can-bo", { cookie: viewer.cookie })).status).toBe(200);
    await env.DB.prepare("update members set removed_at = ?2 where id = ?1")
      .bind(c.viewer.memberId, new Date().toISOString())
      .run();
    expect((await webFetch("/web", { cookie: viewer.cookie })).status).toBe(401);
  });

  it("refuses a POST without the form's token, or from another site, and keeps the session", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    const missing = await post("/web/dang-xuat", session, {}, false);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain("Hãy tải lại trang");
    const crossSite = await webFetch("/web/dang-xuat", {
      method: "POST",
      cookie: session.cookie,
      headers: { origin: "https://evil.example" },
      body: new URLSearchParams({ _csrf: session.csrf }),
    });
    expect(crossSite.status).toBe(403);
    expect((await webFetch("/web/can-bo", { cookie: session.cookie })).status).toBe(200);
  });
});

describe("a login link opened by a link-preview fetcher (issue 18, item 12)", () => {
  it("is not used up by GETs; a POST from another site is refused and uses nothing", async () => {
    const c = await makeCommittee();
    const link = await loginLink(env, c.admin.memberId);
    for (let i = 0; i < 3; i++) expect((await webFetch(pathOf(link))).status).toBe(200);
    const token = new URL(link).searchParams.get("t")!;
    const forged = await webFetch("/web/dang-nhap", {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: new URLSearchParams({ t: token }),
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();
    const mine = await webFetch("/web/dang-nhap", { method: "POST", body: new URLSearchParams({ t: token }) });
    expect(mine.status).toBe(303);
  });
});
