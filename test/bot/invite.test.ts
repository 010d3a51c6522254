import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buttons, lastMessage } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, newTelegramId, postUpdate, textUpdate } from "../support/webhook";

const press = async (user: Parameters<typeof textUpdate>[0], label: string) => {
  const message = await lastMessage(user.id);
  const button = buttons(message).find((b) => b.text === label);
  if (!button) throw new Error(`no button "${label}" in: ${buttons(message).map((b) => b.text).join(", ")}`);
  await postUpdate(callbackUpdate(user, message.message_id, button.data!));
};

describe("admin invites a person with /moi", () => {
  it("walks unit → role → uses and returns a working deep link", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.admin, "/moi"));
    await press(c.admin, `Đảng ủy xã Phú Lộc ${c.tag}`);
    await press(c.admin, "Lãnh đạo đơn vị");
    await press(c.admin, "Một người");
    const text = (await lastMessage(c.admin.id)).text!;
    const code = /start=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(code).toBeDefined();
    expect(text).toMatch(/Hết hạn ngày \d{2}\/\d{2}\/\d{4}/);

    const newcomer = { id: newTelegramId(), firstName: "Tâm" };
    await postUpdate(textUpdate(newcomer, `/start ${code}`));
    const row = await env.DB.prepare("select unit_id, role from members join member_channels mc on mc.member_id = members.id and mc.channel = 'telegram' where mc.user_id = ?").bind(String(newcomer.id)).first();
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
