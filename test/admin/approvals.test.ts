import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { addExtension, addReport } from "./support";

describe("/duyet", () => {
  it("lists completions and extension requests oldest first; each opens with the decision buttons, which decide it", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    await env.DB.prepare("update assignments set state = 'awaiting_confirmation' where id = ?1")
      .bind(c.tasksA.notDue.assignmentId)
      .run();
    await addReport(c.tasksA.notDue.assignmentId, c.memberA.memberId, {
      kind: "completion",
      note: "Đã tổ chức sơ kết, có biên bản",
      at: "2026-01-02T01:00:00Z",
      files: 1,
    });
    const request = await addExtension(c.tasksB.onlyB.assignmentId, c.memberB.memberId, {
      from: addDays(today, 60),
      to: addDays(today, 90),
      reason: "Chờ kinh phí",
    });
    await env.DB.prepare("update extension_requests set created_at = '2026-01-01T01:00:00Z' where id = ?1").bind(request).run();

    const text = await say(c.admin, "/duyet");
    expect(text).toContain("Chờ duyệt");
    expect(text).toMatch(
      /1\. ⏳ Gia hạn · 6 · Đảng ủy xã Phú Lộc [^\n]*\n\s+Bình \d+, [\d: /]+: [\d/]+ → [\d/]+\. Lý do: Chờ kinh phí/,
    );
    expect(text).toMatch(
      /2\. ✅ Hoàn thành · 3 · Đảng ủy xã An Bình [^\n]*\n\s+An \d+, [\d: /]+: «Đã tổ chức sơ kết, có biên bản»/,
    );

    await pressButton(c.admin, "2");
    const item = await lastMessage(c.admin.id);
    expect(item.text).toContain("báo cáo hoàn thành nhiệm vụ 3");
    expect(buttons(item).map((b) => b.text)).toEqual(["✔ Xác nhận", "↩ Trả lại", "Mở nhiệm vụ"]);
    await pressButton(c.admin, "✔ Xác nhận");
    const state = await env.DB.prepare("select state from assignments where id = ?1")
      .bind(c.tasksA.notDue.assignmentId)
      .first<{ state: string }>();
    expect(state!.state).toBe("done");

    await say(c.admin, "/duyet");
    await pressButton(c.admin, "1");
    await pressButton(c.admin, "✔ Đồng ý");
    const due = await env.DB.prepare("select due_override from assignments where id = ?1")
      .bind(c.tasksB.onlyB.assignmentId)
      .first<{ due_override: string }>();
    expect(due!.due_override).toBe(addDays(today, 90));
    expect(await say(c.admin, "/duyet")).toContain("Không có gì chờ duyệt");
  });

  it("shows the viewer what waits, without decision buttons", async () => {
    const c = await makeCommittee();
    await addExtension(c.tasksB.onlyB.assignmentId, c.memberB.memberId, { from: null, to: "2030-01-01", reason: "Lý do" });
    expect(await say(c.viewer, "/duyet")).toContain("Chọn số để xem chi tiết.");
    await pressButton(c.viewer, "1");
    expect(buttons(await lastMessage(c.viewer.id)).map((b) => b.text)).toEqual(["Mở nhiệm vụ"]);
  });
});
