import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { vietnamDate } from "../../core/time/vietnam-date";
import { insertReminders } from "../../db/queries/outbox";
import { inChargeDigests } from "../../services/alerts/in-charge-digest";
import { buttons, chatMessages, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee, makeMember } from "../support/fixtures";
import { postUpdate } from "../support/webhook";
import { readBack, tableHeaded } from "./read-docx";
import { inject } from "vitest";

async function committeeWithIssuerAdmin() {
  const c = await makeCommittee();
  // The admin of the issuing unit (the committee's office), beside the monitoring office's.
  const issuerAdmin = await makeMember(c.root, "admin", "Văn phòng");
  return { ...c, issuerAdmin };
}

const inCharge = (memberId: number) =>
  env.DB.prepare("select unit_id as unitId from units_in_charge where member_id = ?1 order by unit_id")
    .bind(memberId)
    .all<{ unitId: number }>()
    .then((r) => r.results.map((x) => x.unitId));

describe("committee members in charge of units", () => {
  it("an admin of the issuing unit gives a viewer units to follow; each change is audited; a second tap takes it back", async () => {
    const c = await committeeWithIssuerAdmin();
    const list = await say(c.issuerAdmin, "/phutrach");
    expect(list).toContain("Phân công phụ trách đơn vị");
    expect(list).toContain(`1. Thường vụ ${c.viewer.id} — chưa phân công`);
    await pressButton(c.issuerAdmin, "1");
    const units = (await lastMessage(c.issuerAdmin.id)).text!;
    expect(units).toContain(`▫️ Đảng ủy xã An Bình ${c.tag}`);
    expect(units).toContain(`▫️ Đảng ủy xã Phú Lộc ${c.tag}`);
    const line = units.split("\n").find((l) => l.includes("An Bình"))!;
    await pressButton(c.issuerAdmin, /^(\d+)\./.exec(line)![1]!);
    expect(await inCharge(c.viewer.memberId)).toEqual([c.unitA]);
    expect((await lastMessage(c.issuerAdmin.id)).text).toContain(`✅ Đảng ủy xã An Bình ${c.tag}`);
    const audit = await env.DB.prepare("select action, detail from audit_log where entity = 'member' and entity_id = ?1")
      .bind(c.viewer.memberId)
      .all<{ action: string; detail: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(["in_charge.add"]);
    expect(JSON.parse(audit.results[0]!.detail)).toEqual({ unit: c.unitA });
    await pressButton(c.issuerAdmin, /^(\d+)\./.exec(line)![1]!);
    expect(await inCharge(c.viewer.memberId)).toEqual([]);
    expect((await lastMessage(c.issuerAdmin.id)).text).toContain(`▫️ Đảng ủy xã An Bình ${c.tag}`);
  });

  it("nobody else assigns: the monitoring office's admin, a viewer, a forged button", async () => {
    const c = await committeeWithIssuerAdmin();
    // The monitoring office's admin has no committee member in his own unit to assign.
    expect(await say(c.admin, "/phutrach")).toContain("chưa có ủy viên nào");
    // A button for another unit's viewer, as if forged: refused, nothing written.
    await say(c.admin, "/tongquan");
    const message = await lastMessage(c.admin.id);
    await postUpdate({
      update_id: Math.floor(Math.random() * 1e9),
      callback_query: {
        id: String(Math.random()),
        from: { id: c.admin.id, is_bot: false, first_name: c.admin.firstName },
        chat_instance: "1",
        message: { message_id: message.message_id, date: 0, chat: { id: c.admin.id, type: "private" }, text: "x" },
        data: `pt:t:${c.viewer.memberId}:${c.unitA}:0`,
      },
    });
    expect(await inCharge(c.viewer.memberId)).toEqual([]);
    expect(await say(c.memberA, "/phutrach")).toContain("Lệnh này dành cho");
  });

  it("the member in charge sees their units' overview, drafts their units' report and gets a weekly digest of them", async () => {
    const c = await committeeWithIssuerAdmin();
    await env.DB.prepare("insert into units_in_charge (member_id, unit_id, assigned_by) values (?1, ?2, ?3)")
      .bind(c.viewer.memberId, c.unitA, c.issuerAdmin.memberId)
      .run();
    const mine = await say(c.viewer, "/phutrach");
    expect(mine).toContain(`Đơn vị: Đảng ủy xã An Bình ${c.tag}`);
    // Unit A's five tasks, one overdue; unit B's task is not counted.
    expect(mine).toContain("5 nhiệm vụ: 🔴 quá hạn 1 ·");
    const month = Number(vietnamDate(new Date()).slice(5, 7));
    const screen = await lastMessage(c.viewer.id);
    const report = buttons(screen).find((b) => b.text.startsWith(`📄 Báo cáo tháng ${month}`))!;
    await pressButton(c.viewer, report.text);
    const messages = (await chatMessages(c.viewer.id)) as { document?: { file_id: string } }[];
    const doc = [...messages].reverse().find((m) => m.document)!;
    const bytes = new Uint8Array(
      await (await fetch(`${inject("fakeTelegramUrl")}/__fake/files/${encodeURIComponent(doc.document!.file_id)}`)).arrayBuffer(),
    );
    const read = await readBack(bytes);
    expect(read.text).toContain(`các đơn vị do đồng chí Thường vụ ${c.viewer.id} phụ trách: Đảng ủy xã An Bình ${c.tag}`);
    const units = tableHeaded(read.tables, "TT", "Cơ quan, đơn vị");
    expect(units.map((r) => r[1])).toEqual(["Cơ quan, đơn vị", `Đảng ủy xã An Bình ${c.tag}`, "Tổng cộng"]);

    const today = vietnamDate(new Date());
    const digest = (await inChargeDigests(env.DB, today)).filter((r) => r.memberId === c.viewer.memberId);
    expect(digest).toHaveLength(1);
    const text = String(digest[0]!.payload.text);
    expect(text).toContain("Tổng hợp tuần");
    expect(text).toContain(`KH-${c.tag}`);
    expect(text).toContain("5 nhiệm vụ: 🔴 quá hạn <b>1</b>");
    expect(text).toContain(`1. Đảng ủy xã An Bình ${c.tag} — 1`);
    expect((await insertReminders(env.DB, digest)).length).toBe(1);
    // Once a week: the next run writes nothing for them.
    expect((await inChargeDigests(env.DB, today)).filter((r) => r.memberId === c.viewer.memberId)).toEqual([]);
  });
});
