import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { postZalo, zaloDriver, zaloEvent } from "../support/chat-driver";
import { say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { newTelegramId } from "../support/webhook";

/**
 * Issue 18, item 9: /lienket links the other channel only — a code used on
 * the channel that made it, or for a member who already has an account on
 * that channel, links nothing (and the code stays usable where it belongs).
 */
const accounts = async (memberId: number) =>
  (
    await env.DB.prepare("select channel, user_id from member_channels where member_id = ?1 order by channel, user_id")
      .bind(memberId)
      .all<{ channel: string; user_id: string }>()
  ).results;

const codeIn = (text: string) => /\/lienket ([A-Z0-9]{8})/.exec(text)?.[1];

describe("/lienket", () => {
  it("a code made on Telegram and sent from a second Telegram account links nothing; on Zalo it links", async () => {
    const c = await makeCommittee();
    const code = codeIn(await say(c.memberA, "/lienket"))!;
    const second = { id: newTelegramId(), firstName: "Giả" };
    expect(await say(second, `/lienket ${code}`)).toContain("đã có tài khoản Telegram");
    expect(await accounts(c.memberA.memberId)).toEqual([{ channel: "telegram", user_id: String(c.memberA.id) }]);

    // The code was not spent: the member's Zalo account still links with it.
    const zaloUser = { ...c.memberA, id: newTelegramId() };
    await postZalo(zaloEvent(zaloUser, "text", `/lienket ${code}`));
    expect(await zaloDriver.last(zaloUser)).toContain("Đã liên kết");
    expect((await accounts(c.memberA.memberId)).map((a) => a.channel)).toEqual(["telegram", "zalo"]);
  });

  it("a member who already has a Zalo account cannot link a second one", async () => {
    const c = await makeCommittee();
    await zaloDriver.link(c.memberA);
    const code = codeIn(await say(c.memberA, "/lienket"))!;
    const secondZalo = { ...c.memberA, id: newTelegramId() };
    await postZalo(zaloEvent(secondZalo, "text", `/lienket ${code}`));
    expect(await zaloDriver.last(secondZalo)).toContain("đã có tài khoản Zalo");
    expect((await accounts(c.memberA.memberId)).filter((a) => a.channel === "zalo")).toHaveLength(1);
  });
});
