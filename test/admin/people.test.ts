import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee, makeMember } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";
import { addReport } from "./support";

const member = (id: number) =>
  env.DB.prepare("select unit_id, role, removed_at from members where id = ?1")
    .bind(id)
    .first<{ unit_id: number; role: string; removed_at: string | null }>();
const audit = (id: number) =>
  env.DB.prepare("select action, actor_member_id, detail from audit_log where entity = 'member' and entity_id = ?1 order by id")
    .bind(id)
    .all<{ action: string; actor_member_id: number; detail: string | null }>();

describe("/canbo", () => {
  it("lists a unit's people; the admin changes a role, moves a member, removes one; each change audited and told", async () => {
    const c = await makeCommittee();
    // The committee's admin manages the units under it; the office monitoring the plan does not.
    const admin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    await addReport(c.tasksA.overdue.assignmentId, c.memberA.memberId, { percent: 20, note: "Bắt đầu" });
    const list = await say(admin, `/canbo an binh ${c.tag}`);
    expect(list).toContain(`Cán bộ của Đảng ủy xã An Bình ${c.tag} (1)`);
    expect(list).toContain(`1. An ${c.memberA.id} — cán bộ · báo cáo gần nhất`);

    await pressButton(admin, "1");
    expect((await lastMessage(admin.id)).text).toContain(`Vai trò: cán bộ`);
    await pressButton(admin, "🔁 Đổi vai trò");
    await pressButton(admin, "Lãnh đạo đơn vị");
    expect((await lastMessage(admin.id)).text).toContain("✔ Đã đổi vai trò thành lãnh đạo đơn vị");
    expect((await member(c.memberA.memberId))!.role).toBe("leader");
    expect((await lastMessage(c.memberA.id)).text).toContain("đã được đổi thành lãnh đạo đơn vị");

    await pressButton(admin, "🏢 Chuyển đơn vị");
    await pressButton(admin, `Đảng ủy xã Phú Lộc ${c.tag}`);
    expect((await member(c.memberA.memberId))!.unit_id).toBe(c.unitB);
    expect((await lastMessage(c.memberA.id)).text).toContain(`chuyển sang Đảng ủy xã Phú Lộc ${c.tag}`);

    await pressButton(admin, "🗑 Xóa khỏi hệ thống");
    await pressButton(admin, "🗑 Xóa");
    expect((await member(c.memberA.memberId))!.removed_at).not.toBeNull();
    expect(await say(c.memberA, "/viec")).toContain("chưa tham gia");

    const entries = (await audit(c.memberA.memberId)).results;
    expect(entries.map((e) => e.action)).toEqual(["member.role", "member.move", "member.remove"]);
    expect(entries.every((e) => e.actor_member_id === admin.memberId)).toBe(true);
    expect(JSON.parse(entries[1]!.detail!)).toEqual({ from: c.unitA, to: c.unitB });
    // Their report stays, still naming them.
    expect(await say(c.admin, "/nhiemvu 1")).toContain("Tổ chức hội nghị");
  });

  it("changes nothing twice, and never the admin themselves", async () => {
    const c = await makeCommittee();
    const committeeAdmin = await makeMember(c.root, "admin", "Quản trị Huyện ủy");
    await postUpdate(callbackUpdate(committeeAdmin, 1, `a:mr:${c.memberB.memberId}:leader`));
    await postUpdate(callbackUpdate(committeeAdmin, 1, `a:mr:${c.memberB.memberId}:leader`));
    expect((await audit(c.memberB.memberId)).results).toHaveLength(1);
    await postUpdate(callbackUpdate(c.admin, 1, `a:rm:${c.admin.memberId}:y`));
    expect((await member(c.admin.memberId))!.removed_at).toBeNull();
    await say(c.admin, "/canbo");
    await pressButton(c.admin, `Ban Tổ chức ${c.tag}`);
    await pressButton(c.admin, "1");
    expect((await lastMessage(c.admin.id)).text).toContain("không tự đổi vai trò");
    expect(buttons(await lastMessage(c.admin.id)).map((b) => b.text)).toEqual(["« Danh sách"]);
  });
});
