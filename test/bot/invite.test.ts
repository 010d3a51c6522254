import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buttons, lastMessage } from "../support/fake-telegram";
import { makeCommittee, makeInvite, makeMember } from "../support/fixtures";
import { callbackUpdate, newTelegramId, postUpdate, textUpdate } from "../support/webhook";

const press = async (user: Parameters<typeof textUpdate>[0], label: string) => {
  const message = await lastMessage(user.id);
  const button = buttons(message).find((b) => b.text === label);
  if (!button)
    throw new Error(
      `no button "${label}" in: ${buttons(message)
        .map((b) => b.text)
        .join(", ")}`,
    );
  await postUpdate(callbackUpdate(user, message.message_id, button.data!));
};

describe("admin invites a person with /moi", () => {
  it("walks unit → role → uses and returns a working deep link", async () => {
    const c = await makeCommittee();
    // Unit B's people are managed from the committee above it, not by the office monitoring the plan.
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    await postUpdate(textUpdate(admin, "/moi"));
    await press(admin, `Đảng ủy xã Phú Lộc ${c.tag}`);
    await press(admin, "Lãnh đạo đơn vị");
    await press(admin, "Một người");
    const text = (await lastMessage(admin.id)).text!;
    const code = /start=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(code).toBeDefined();
    expect(text).toMatch(/Hết hạn ngày \d{2}\/\d{2}\/\d{4}/);

    const newcomer = { id: newTelegramId(), firstName: "Tâm" };
    await postUpdate(textUpdate(newcomer, `/start ${code}`));
    const row = await env.DB.prepare(
      "select unit_id, role from members join member_channels mc on mc.member_id = members.id and mc.channel = 'telegram' where mc.user_id = ?",
    )
      .bind(String(newcomer.id))
      .first();
    expect(row).toEqual({ unit_id: c.unitB, role: "leader" });
  });

  it("refuses /moi and forged invite buttons from a non-admin", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.memberA, "/moi"));
    expect((await lastMessage(c.memberA.id)).text).toBe("Chỉ người quản trị mới dùng được lệnh này.");
    const before = await env.DB.prepare("select count(*) as n from invites").first<{ n: number }>();
    await postUpdate(callbackUpdate(c.memberA, 1, `inv:x:${c.unitA}:admin:n`));
    const after = await env.DB.prepare("select count(*) as n from invites").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it("does not offer units outside the admin's committee", async () => {
    const c = await makeCommittee();
    const other = await makeCommittee();
    await postUpdate(textUpdate(c.admin, "/moi"));
    const labels = buttons(await lastMessage(c.admin.id)).map((b) => b.text);
    expect(labels.some((l) => l.includes(other.tag))).toBe(false);
    await postUpdate(callbackUpdate(c.admin, 1, `inv:u:${other.unitA}`));
    expect((await lastMessage(c.admin.id)).text).not.toContain(other.tag);
  });
});

describe("invites after a removal, listing and revoking them, and the audit log", () => {
  const memberRow = (telegramId: number) =>
    env.DB.prepare(
      "select unit_id, role from members join member_channels mc on mc.member_id = members.id and mc.channel = 'telegram' where mc.user_id = ? and removed_at is null",
    )
      .bind(String(telegramId))
      .first();

  it("a removed member cannot rejoin through an invite made before the removal; others can, and a new invite works", async () => {
    const c = await makeCommittee();
    // Unit B's people are managed from the committee above it, not by the office monitoring the plan.
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    const code = await makeInvite(c.unitB, { maxUses: null });
    await postUpdate(callbackUpdate(admin, 1, `a:rm:${c.memberB.memberId}:y`));
    expect(await memberRow(c.memberB.id)).toBeNull();

    await postUpdate(textUpdate(c.memberB, `/start ${code}`));
    expect(await memberRow(c.memberB.id)).toBeNull();
    expect((await lastMessage(c.memberB.id)).text).toContain("đã được đưa ra khỏi đơn vị");

    const newcomer = { id: newTelegramId(), firstName: "Hòa" };
    await postUpdate(textUpdate(newcomer, `/start ${code}`));
    expect(await memberRow(newcomer.id)).toEqual({ unit_id: c.unitB, role: "member" });

    const fresh = await makeInvite(c.unitB);
    await postUpdate(textUpdate(c.memberB, `/start ${fresh}`));
    expect(await memberRow(c.memberB.id)).toEqual({ unit_id: c.unitB, role: "member" });
  });

  it("/moi lists the live invites of the admin's units and revokes one; a revoked link no longer works", async () => {
    const c = await makeCommittee();
    // Unit B's people are managed from the committee above it, not by the office monitoring the plan.
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    const other = await makeCommittee();
    const live = await makeInvite(c.unitB, { maxUses: null, role: "leader" });
    await makeInvite(c.unitA, { uses: 1 }); // used up: not listed
    await makeInvite(c.unitA, { expiresAt: new Date(Date.now() - 1000).toISOString() }); // expired: not listed
    await makeInvite(other.unitA, { maxUses: null }); // another committee's
    await postUpdate(textUpdate(admin, "/moi"));
    await press(admin, "📋 Lời mời đang hiệu lực");
    const list = (await lastMessage(admin.id)).text!;
    expect(list).toContain(`Đảng ủy xã Phú Lộc ${c.tag}`);
    expect(list).toContain("lãnh đạo đơn vị");
    expect(list).not.toContain(`An Bình ${c.tag}`);
    expect(list).not.toContain(other.tag);
    expect(list).not.toContain(live);

    await press(admin, "🗑 Thu hồi 1");
    expect((await lastMessage(admin.id)).text).toContain("Đã thu hồi");
    const newcomer = { id: newTelegramId(), firstName: "Lộc" };
    await postUpdate(textUpdate(newcomer, `/start ${live}`));
    expect(await memberRow(newcomer.id)).toBeNull();
    const audit = await env.DB.prepare("select detail from audit_log where action = 'invite.revoke' and actor_member_id = ?")
      .bind(admin.memberId)
      .first<{ detail: string }>();
    expect(audit).not.toBeNull();
    expect(audit!.detail).not.toContain(live);
  });

  it("another unit's admin cannot revoke the office's invites", async () => {
    const c = await makeCommittee();
    const code = await makeInvite(c.monitor, { maxUses: null, role: "admin" });
    const id = (await env.DB.prepare("select rowid as id from invites where code = ?").bind(code).first<{ id: number }>())!.id;
    const adminA = await makeMember(c.unitA, "admin", "Quản trị A");
    await postUpdate(callbackUpdate(adminA, 1, `inv:rv:${id}`));
    const row = await env.DB.prepare("select expires_at > ? as live from invites where code = ?")
      .bind(new Date().toISOString(), code)
      .first();
    expect(row).toEqual({ live: 1 });
  });

  it("keeps invite codes out of the audit log", async () => {
    const c = await makeCommittee();
    // Unit B's people are managed from the committee above it, not by the office monitoring the plan.
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    await postUpdate(textUpdate(admin, "/moi"));
    await press(admin, `Đảng ủy xã Phú Lộc ${c.tag}`);
    await press(admin, "Cán bộ");
    await press(admin, "Nhiều người");
    const code = /start=([A-Za-z0-9_-]+)/.exec((await lastMessage(admin.id)).text!)![1]!;
    const newcomer = { id: newTelegramId(), firstName: "Sơn" };
    await postUpdate(textUpdate(newcomer, `/start ${code}`));
    const entries = await env.DB.prepare(
      "select action, detail from audit_log where action in ('invite.create', 'member.join') and (actor_member_id = ?1 or detail like ?2)",
    )
      .bind(admin.memberId, `%${code}%`)
      .all<{ action: string; detail: string }>();
    expect(entries.results.map((e) => e.action).sort()).toEqual(["invite.create"]);
    expect(entries.results[0]!.detail).not.toContain(code);
    const join = await env.DB.prepare(
      "select a.detail from audit_log a join member_channels mc on mc.member_id = a.actor_member_id and mc.channel = 'telegram' where a.action = 'member.join' and mc.user_id = ?",
    )
      .bind(String(newcomer.id))
      .first<{ detail: string }>();
    expect(join!.detail).not.toContain(code);
  });
});
