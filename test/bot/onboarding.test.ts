import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { lastMessage } from "../support/fake-telegram";
import { makeCommittee, makeInvite, makeUnit } from "../support/fixtures";
import { newTelegramId, postUpdate, textUpdate } from "../support/webhook";

const membership = (telegramId: number) =>
  env.DB.prepare(
    "select unit_id, role, full_name from members join member_channels mc on mc.member_id = members.id and mc.channel = 'telegram' where mc.user_id = ? and removed_at is null",
  )
    .bind(String(telegramId))
    .all<{ unit_id: number; role: string; full_name: string }>();

const stranger = () => ({ id: newTelegramId(), firstName: "Hoa", lastName: "Nguyễn" });

describe("joining by invite link", () => {
  it("binds a new user to the invite's unit and role, and welcomes them by unit", async () => {
    const unitId = await makeUnit(`Chi bộ Trường Tiểu học ${crypto.randomUUID().slice(0, 6)}`);
    const code = await makeInvite(unitId, { role: "leader" });
    const user = stranger();
    await postUpdate(textUpdate(user, `/start ${code}`));
    expect((await membership(user.id)).results).toEqual([{ unit_id: unitId, role: "leader", full_name: "Hoa Nguyễn" }]);
    const reply = await lastMessage(user.id);
    expect(reply.text).toContain("Chi bộ Trường Tiểu học");
    expect(reply.text).toContain("lãnh đạo đơn vị");
    expect(reply.text).toContain("/viec");
  });

  it("refuses a single-use invite the second time", async () => {
    const unitId = await makeUnit(`Chi bộ Thôn ${crypto.randomUUID().slice(0, 6)}`);
    const code = await makeInvite(unitId);
    await postUpdate(textUpdate(stranger(), `/start ${code}`));
    const late = stranger();
    await postUpdate(textUpdate(late, `/start ${code}`));
    expect((await membership(late.id)).results).toEqual([]);
    expect((await lastMessage(late.id)).text).toContain("đã được sử dụng");
  });

  it("lets two people race for a single-use invite and admits only one", async () => {
    const unitId = await makeUnit(`Chi bộ Đua ${crypto.randomUUID().slice(0, 6)}`);
    const code = await makeInvite(unitId);
    const users = [stranger(), stranger()];
    await Promise.all(users.map((u) => postUpdate(textUpdate(u, `/start ${code}`))));
    const joined = await Promise.all(users.map(async (u) => (await membership(u.id)).results.length));
    expect(joined.sort()).toEqual([0, 1]);
  });

  it("admits many people with a multi-use invite", async () => {
    const unitId = await makeUnit(`Đảng ủy Khối ${crypto.randomUUID().slice(0, 6)}`);
    const code = await makeInvite(unitId, { maxUses: null });
    const users = [stranger(), stranger(), stranger()];
    for (const u of users) await postUpdate(textUpdate(u, `/start ${code}`));
    for (const u of users) expect((await membership(u.id)).results).toHaveLength(1);
  });

  it("refuses an expired invite and says since when", async () => {
    const unitId = await makeUnit(`Chi bộ Cũ ${crypto.randomUUID().slice(0, 6)}`);
    const code = await makeInvite(unitId, { expiresAt: "2026-01-10T03:00:00.000Z" });
    const user = stranger();
    await postUpdate(textUpdate(user, `/start ${code}`));
    expect((await membership(user.id)).results).toEqual([]);
    expect((await lastMessage(user.id)).text).toContain("hết hạn từ 10/01/2026");
  });

  it("refuses an unknown or malformed code", async () => {
    const user = stranger();
    await postUpdate(textUpdate(user, "/start khongtontai123"));
    expect((await lastMessage(user.id)).text).toContain("Không tìm thấy mã mời");
    await postUpdate(textUpdate(user, "/start <script>"));
    expect((await lastMessage(user.id)).text).toContain("Mã mời không hợp lệ");
    expect((await membership(user.id)).results).toEqual([]);
  });

  it("does not use up an invite on someone who is already a member", async () => {
    const { memberA, unitB } = await makeCommittee();
    const code = await makeInvite(unitB);
    await postUpdate(textUpdate(memberA, `/start ${code}`));
    expect((await lastMessage(memberA.id)).text).toContain("đã là thành viên");
    const uses = await env.DB.prepare("select uses from invites where code = ?").bind(code).first<{ uses: number }>();
    expect(uses!.uses).toBe(0);
    expect((await membership(memberA.id)).results[0]!.unit_id).toBe(memberA.unitId);
  });

  it("tells a stranger without a code how to join", async () => {
    const user = stranger();
    await postUpdate(textUpdate(user, "/start"));
    expect((await lastMessage(user.id)).text).toContain("xin lời mời");
  });
});
