import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";
import { addExtension, addReport, addSharedTask } from "./support";

describe("/nhiemvu", () => {
  it("finds a task by words without diacritics and shows it across its units, then the whole history", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    const shared = await addSharedTask(c.planId, [c.unitA, c.unitB], {
      ref: "9",
      title: "Tổng kết phong trào học tập suốt đời",
      due: addDays(today, 30),
      text: "trong tháng tới",
    });
    const [a, b] = shared.assignmentIds as [number, number];
    await addReport(a, c.memberA.memberId, { percent: 50, note: "Đã họp triển khai", at: "2026-01-05T02:00:00Z", files: 2 });
    const done = await addReport(b, c.memberB.memberId, {
      kind: "completion",
      note: "Đã có báo cáo tổng kết",
      at: "2026-01-06T03:00:00Z",
    });
    await env.DB.prepare("update assignments set state = 'in_progress', progress = 50 where id = ?1").bind(a).run();
    await env.DB.prepare(
      "update assignments set state = 'awaiting_confirmation', progress = 100, reported_done_at = '2026-01-06T03:00:00Z' where id = ?1",
    )
      .bind(b)
      .run();
    await addExtension(a, c.memberA.memberId, {
      from: addDays(today, 30),
      to: addDays(today, 60),
      reason: "Chờ số liệu của huyện",
    });

    const text = await say(c.admin, "/nhiemvu hoc tap suot doi");
    expect(text).toContain("📄 Nhiệm vụ 9");
    expect(text).toContain("Tổng kết phong trào học tập suốt đời");
    expect(text).toContain(`1. Đảng ủy xã An Bình ${c.tag} (chủ trì) — 🟡 Đang thực hiện · 50%`);
    expect(text).toContain(`2. Đảng ủy xã Phú Lộc ${c.tag} (phối hợp) — 🔵 Chờ xác nhận · 100%`);

    // The existing decision handler confirms from the approvals screen; the history then names who did what.
    await postUpdate(callbackUpdate(c.admin, 1, `cfm:${done}`));
    await say(c.admin, "/nhiemvu 9");
    await pressButton(c.admin, "🕘 Toàn bộ lịch sử");
    const history = (await lastMessage(c.admin.id)).text!;
    expect(history).toContain("Lịch sử nhiệm vụ 9 · mọi đơn vị");
    expect(history).toContain(`An ${c.memberA.id} (Đảng ủy xã An Bình ${c.tag}) báo cáo 50%: Đã họp triển khai`);
    expect(history).toContain("📎 2 tệp");
    expect(history).toContain(`Bình ${c.memberB.id} (Đảng ủy xã Phú Lộc ${c.tag}) báo cáo hoàn thành: Đã có báo cáo tổng kết`);
    expect(history).toMatch(new RegExp(`✔ được xác nhận hoàn thành — Quản trị ${c.admin.id}`));
    expect(history).toContain(`xin gia hạn`);
    expect(history).toContain(`Chờ số liệu của huyện (An ${c.memberA.id}, Đảng ủy xã An Bình ${c.tag})`);
    expect(history.indexOf("Đã họp triển khai")).toBeLessThan(history.indexOf("Đã có báo cáo tổng kết"));
    expect(buttons(await lastMessage(c.admin.id)).filter((x) => x.data?.startsWith("ev:"))).toHaveLength(2);
  });

  it("goes straight to a task by its ref, and lists several matches as buttons", async () => {
    const c = await makeCommittee();
    expect(await say(c.viewer, "/nhiemvu 6")).toContain("Nhiệm vụ riêng của Phú Lộc về khuyến học");
    expect(await say(c.viewer, "/nhiemvu nghi quyet")).toContain("📄 Nhiệm vụ 1");
    expect(await say(c.viewer, "/nhiemvu tri thuc")).toContain("Các nhiệm vụ khớp «tri thuc» (2)");
    expect(await say(c.viewer, "/nhiemvu khong co gi")).toContain("Không tìm thấy nhiệm vụ");
    expect(await say(c.viewer, "/nhiemvu")).toContain("Gõ /nhiemvu rồi số hiệu");
  });
});
