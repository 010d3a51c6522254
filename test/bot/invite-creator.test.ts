import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buttons, lastMessage } from "../support/fake-telegram";
import { makeCommittee, makeMember, makeUnit } from "../support/fixtures";
import { callbackUpdate, newTelegramId, postUpdate, textUpdate } from "../support/webhook";

/**
 * Issue 18, item 4: an invite admits people only while its creator could still
 * create it — an admin since demoted, moved elsewhere or removed no longer
 * brings anyone in through the links they made.
 */
const joinedAs = (telegramId: number) =>
  env.DB.prepare(
    "select m.unit_id, m.role from members m join member_channels mc on mc.member_id = m.id and mc.channel = 'telegram' where mc.user_id = ?1 and m.removed_at is null",
  )
    .bind(String(telegramId))
    .first<{ unit_id: number; role: string }>();

async function inviteFrom(admin: Parameters<typeof textUpdate>[0], unitId: number): Promise<string> {
  await postUpdate(textUpdate(admin, "/moi"));
  const menu = await lastMessage(admin.id);
  await postUpdate(callbackUpdate(admin, menu.message_id, `inv:x:${unitId}:admin:n`));
  const code = /start=([A-Za-z0-9_-]+)/.exec((await lastMessage(admin.id)).text ?? "")?.[1];
  expect(code).toBeDefined();
  expect(buttons(menu).length).toBeGreaterThan(0);
  return code!;
}

describe("an invite follows what its creator may still do", () => {
  const cases: [string, (admin: { memberId: number }, elsewhere: number) => Promise<unknown>, boolean][] = [
    ["still an admin of the unit", async () => undefined, true],
    [
      "demoted to member",
      (admin) => env.DB.prepare("update members set role = 'member' where id = ?1").bind(admin.memberId).run(),
      false,
    ],
    [
      "moved to another unit",
      (admin, elsewhere) => env.DB.prepare("update members set unit_id = ?2 where id = ?1").bind(admin.memberId, elsewhere).run(),
      false,
    ],
    [
      "removed",
      (admin) =>
        env.DB.prepare("update members set removed_at = ?2 where id = ?1").bind(admin.memberId, new Date().toISOString()).run(),
      false,
    ],
  ];
  it.each(cases)("the creator %s", async (_what, change, admits) => {
    const c = await makeCommittee();
    const sub = await makeUnit(`Tổ thuộc An Bình ${c.tag}`, c.unitA);
    const adminA = await makeMember(c.unitA, "admin", "Quản trị A");
    const code = await inviteFrom(adminA, sub);
    await change(adminA, c.unitB);
    const newcomer = { id: newTelegramId(), firstName: "Mới" };
    await postUpdate(textUpdate(newcomer, `/start ${code}`));
    expect(await joinedAs(newcomer.id)).toEqual(admits ? { unit_id: sub, role: "admin" } : null);
    if (!admits) expect((await lastMessage(newcomer.id)).text).toContain("không còn hiệu lực");
  });
});
