import { env } from "cloudflare:workers";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { makeCommittee, type TestMember } from "../support/fixtures";
import { postUpdate } from "../support/webhook";

let updateId = Math.floor(Math.random() * 1_000_000_000);

function botStatusUpdate(user: TestMember, status: "kicked" | "member"): Update {
  const bot = { id: 123456789, is_bot: true, first_name: "Bot" };
  const person = { id: user.id, is_bot: false, first_name: user.firstName };
  return {
    update_id: ++updateId,
    my_chat_member: {
      chat: { id: user.id, type: "private", first_name: user.firstName },
      from: person,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: status === "kicked" ? { status: "member", user: bot } : { status: "kicked", user: bot, until_date: 0 },
      new_chat_member: status === "kicked" ? { status: "kicked", user: bot, until_date: 0 } : { status: "member", user: bot },
    },
  } as Update;
}

const state = async (m: TestMember) => {
  const row = await env.DB.prepare("select unreachable_since from members where id = ?")
    .bind(m.memberId)
    .first<{ unreachable_since: string | null }>();
  const audits = await env.DB.prepare("select action from audit_log where entity = 'member' and entity_id = ? order by id")
    .bind(m.memberId)
    .all<{ action: string }>();
  return { unreachable: row!.unreachable_since !== null, audits: audits.results.map((a) => a.action) };
};

describe("a member blocks and unblocks the bot", () => {
  it("is marked unreachable at once, and reachable again when they return; repeats change nothing", async () => {
    const { memberA } = await makeCommittee();
    await postUpdate(botStatusUpdate(memberA, "kicked"));
    expect(await state(memberA)).toEqual({ unreachable: true, audits: ["member.blocked_bot"] });
    await postUpdate(botStatusUpdate(memberA, "kicked"));
    expect((await state(memberA)).audits).toHaveLength(1);
    await postUpdate(botStatusUpdate(memberA, "member"));
    expect(await state(memberA)).toEqual({ unreachable: false, audits: ["member.blocked_bot", "member.unblocked_bot"] });
  });
});
