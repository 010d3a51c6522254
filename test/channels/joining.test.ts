import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { drivers, zaloDriver, type ChatDriver } from "../support/chat-driver";
import { makeCommittee, makeInvite, makeMember } from "../support/fixtures";
import { newTelegramId } from "../support/webhook";

async function committeeOn(chat: ChatDriver) {
  const c = await makeCommittee();
  await chat.link(c.admin);
  return c;
}

const joinedUnit = (name: string) =>
  env.DB.prepare("select unit_id from members where full_name = ?").bind(name).first("unit_id");

describe.each(drivers)("joining on $channel", (chat) => {
  it("an invite code reads on a phone: no 0/O, 1/l/I or _; typed in lower case without dashes it still works", async () => {
    const c = await committeeOn(chat);
    // Unit B's people are invited from the committee above it, not by the office monitoring the plan.
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    await chat.link(admin);
    await chat.say(admin, "/moi");
    await chat.press(admin, `Đảng ủy xã Phú Lộc ${c.tag}`);
    await chat.press(admin, "Cán bộ");
    await chat.press(admin, "Một người");
    const invite = await chat.last(admin);
    const code = /\/start (\S+)/.exec(invite)![1]!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code).not.toMatch(/[0O1lI_]/);
    // The invite says which Zalo bot to open.
    expect(invite).toContain("mở bot «Theo dõi kế hoạch»");

    const name = `Tâm ${c.tag}`;
    const newcomer = { id: newTelegramId(), firstName: name };
    expect(await chat.say(newcomer, `/start ${code.replaceAll("-", "").toLowerCase()}`)).toContain(`Đảng ủy xã Phú Lộc ${c.tag}`);
    expect(await joinedUnit(name)).toBe(c.unitB);
  });

  it("a code made before the readable ones still works as it was made", async () => {
    const c = await committeeOn(chat);
    const code = await makeInvite(c.unitA);
    const name = `Cũ ${c.tag}`;
    expect(await chat.say({ id: newTelegramId(), firstName: name }, `/start ${code}`)).toContain(`Đảng ủy xã An Bình ${c.tag}`);
    expect(await joinedUnit(name)).toBe(c.unitA);
  });

  it("/start alone addresses the person as 'đồng chí' and says how to join on this channel", async () => {
    const answer = await chat.say({ id: newTelegramId(), firstName: "Khách" }, "/start");
    expect(answer).toContain("Đồng chí chưa tham gia");
    expect(answer).not.toMatch(/\bBạn\b/);
    if (chat.channel === zaloDriver.channel) {
      expect(answer).toContain("/start MÃ-MỜI");
      expect(answer).not.toMatch(/đường dẫn/);
    }
  });
});
