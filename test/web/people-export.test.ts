import { env } from "cloudflare:workers";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { makeCommittee, makeInvite, makeMember, testDb } from "../support/fixtures";
import { findInvite, redeemInvite } from "../../db/queries/invites";
import { post, signIn, webFetch } from "./support";

const inviteId = async (code: string) =>
  (await env.DB.prepare("select rowid as id from invites where code = ?1").bind(code).first<{ id: number }>())!.id;

describe("people and invites", () => {
  it("lists the committee's people and open invites; an admin revokes one, which then cannot be used", async () => {
    const c = await makeCommittee();
    const code = await makeInvite(c.unitB, { role: "leader", maxUses: 3 });
    // The committee's admin manages the people under it (the office monitoring the plan does not).
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    const session = await signIn(admin.memberId);
    const page = await (await webFetch("/web/can-bo", { cookie: session.cookie })).text();
    expect(page).toContain(`An ${c.memberA.id}`);
    expect(page).toContain("lãnh đạo đơn vị");
    expect(page).toContain("0/3");

    const id = await inviteId(code);
    // Invites are named by their row: the code, a credential, is never in the page or a URL.
    expect(page).not.toContain(code);
    const revoked = await post(`/web/can-bo/loi-moi/${id}/thu-hoi`, session, {});
    expect(revoked.status).toBe(303);
    expect(await (await webFetch(revoked.headers.get("location")!, { cookie: session.cookie })).text()).toContain(
      "Đã thu hồi lời mời",
    );
    expect(
      await redeemInvite(testDb(), {
        code,
        channel: "telegram",
        userId: "1",
        chatId: "1",
        fullName: "Người lạ",
        now: new Date().toISOString(),
      }),
    ).toBe(false);
    const audit = await env.DB.prepare("select detail from audit_log where action = 'invite.revoke' and entity_id = ?1")
      .bind(id)
      .first<{ detail: string }>();
    expect(audit).not.toBeNull();
    expect(audit!.detail).not.toContain(code);
    expect((await post(`/web/can-bo/loi-moi/${id}/thu-hoi`, session, {})).status).toBe(409);
  });

  it("a viewer cannot revoke, a member cannot see the list", async () => {
    const c = await makeCommittee();
    const code = await makeInvite(c.unitA);
    const viewer = await signIn(c.viewer.memberId);
    expect(await (await webFetch("/web/can-bo", { cookie: viewer.cookie })).text()).not.toContain("Thu hồi</button>");
    expect((await post(`/web/can-bo/loi-moi/${await inviteId(code)}/thu-hoi`, viewer, {})).status).toBe(403);
    expect((await findInvite(testDb(), code))!.expiresAt > new Date().toISOString()).toBe(true);
    const member = await signIn(c.memberA.memberId);
    expect((await webFetch("/web/can-bo", { cookie: member.cookie })).status).toBe(403);
  });
});

describe("export", () => {
  it("downloads the plan's report as a workbook and as CSV", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    const xlsx = await webFetch(`/web/ke-hoach/${c.planId}/xuat/bao-cao.xlsx`, { cookie: session.cookie });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toMatch(/attachment; filename="bao-cao-kh-.*\.xlsx"/);
    const book = XLSX.read(new Uint8Array(await xlsx.arrayBuffer()), { type: "array" });
    expect(book.SheetNames.length).toBeGreaterThan(2);
    const all = JSON.stringify(book.Sheets);
    expect(all).toContain("Tổ chức hội nghị quán triệt nghị quyết");

    const csv = await webFetch(`/web/ke-hoach/${c.planId}/xuat/bao-cao.csv`, { cookie: session.cookie });
    const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: false }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("Nhiệm vụ riêng của Phú Lộc về khuyến học");

    const member = await signIn(c.memberA.memberId);
    expect((await webFetch(`/web/ke-hoach/${c.planId}/xuat/bao-cao.csv`, { cookie: member.cookie })).status).toBe(403);
  });
});
