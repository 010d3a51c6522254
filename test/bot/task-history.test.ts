import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { addExtension, addReport, addSharedTask } from "../admin/support";
import { apiCalls, buttons, lastMessage, pressButton } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";

describe("a task's history for its unit (🕘 Lịch sử on the card)", () => {
  it("tells the unit's own reports, files, decisions and who made them, newest files as buttons, nothing of the other unit", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    const shared = await addSharedTask(c.planId, [c.unitA, c.unitB], {
      ref: "9",
      title: "Tổng kết phong trào học tập suốt đời",
      due: addDays(today, 30),
      text: "trong tháng tới",
    });
    const [a, b] = shared.assignmentIds as [number, number];
    await addReport(a, c.memberA.memberId, { percent: 30, note: "Đã họp triển khai", at: "2026-01-05T02:00:00Z", files: 2 });
    const returned = await addReport(a, c.memberA.memberId, {
      kind: "completion",
      note: "Đã xong tổng kết",
      at: "2026-01-08T02:00:00Z",
    });
    await env.DB.prepare(
      "update progress_reports set review_status = 'returned', review_note = 'Thiếu số liệu xã', reviewed_by = ?2, reviewed_at = '2026-01-09T03:00:00Z' where id = ?1",
    )
      .bind(returned, c.admin.memberId)
      .run();
    const request = await addExtension(a, c.memberA.memberId, {
      from: addDays(today, 30),
      to: addDays(today, 60),
      reason: "Chờ số liệu của huyện",
    });
    await env.DB.prepare(
      "update extension_requests set status = 'approved', decided_by = ?2, decided_at = '2026-01-10T03:00:00Z', created_at = '2026-01-09T08:00:00Z' where id = ?1",
    )
      .bind(request, c.admin.memberId)
      .run();
    await addReport(b, c.memberB.memberId, { percent: 80, note: "Báo cáo riêng của Phú Lộc", at: "2026-01-07T02:00:00Z" });

    await postUpdate(callbackUpdate(c.memberA, 1, `hist:${a}`));
    const message = await lastMessage(c.memberA.id);
    const lines = message.text!.split("\n");
    expect(lines[0]).toBe(`🕘 Lịch sử nhiệm vụ 9 · Đảng ủy xã An Bình ${c.tag}`);
    expect(lines.slice(2)).toEqual([
      `09:00 05/01/2026 · An ${c.memberA.id} báo cáo 30%: Đã họp triển khai`,
      "   📎 2 tệp — chọn 📎 bên dưới để mở",
      `09:00 08/01/2026 · An ${c.memberA.id} báo cáo hoàn thành: Đã xong tổng kết`,
      `10:00 09/01/2026 · ↩ bị trả lại: Thiếu số liệu xã — Quản trị ${c.admin.id}`,
      `15:00 09/01/2026 · xin gia hạn ${formatVn(addDays(today, 30))} → ${formatVn(addDays(today, 60))}: Chờ số liệu của huyện — An ${c.memberA.id}`,
      `10:00 10/01/2026 · ✔ gia hạn được đồng ý — Quản trị ${c.admin.id}`,
    ]);
    expect(message.text).not.toContain("Phú Lộc");
    expect(buttons(message).map((x) => x.text)).toEqual(["📎 1. bien-ban-1.pdf", "📎 2. bien-ban-2.pdf", "Mở nhiệm vụ"]);

    // The files open; another unit's member cannot open this history.
    await pressButton(c.memberA, "📎 2. bien-ban-2.pdf");
    expect((await apiCalls("sendDocument", c.memberA.id)).map((call) => call.params.document)).toEqual([`file-${a}-1`]);
    await postUpdate(callbackUpdate(c.memberB, 1, `hist:${a}`));
    expect(String((await apiCalls("answerCallbackQuery")).at(-1)!.params.text)).toContain("không thuộc đơn vị");
    expect(await apiCalls("sendMessage", c.memberB.id)).toEqual([]);
  });
});

function formatVn(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
