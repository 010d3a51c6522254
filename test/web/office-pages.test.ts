import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { addExtension, addReport, addTarget, recordValue } from "../admin/support";
import { chatMessages } from "../support/fake-telegram";
import { makeCommittee, makeUnit } from "../support/fixtures";
import { post, signIn, webFetch } from "./support";

describe("the office's pages", () => {
  it("overview: counts by status, share done, units most overdue, targets against goals with a chart", async () => {
    const c = await makeCommittee();
    const target = await addTarget(c.planId, {
      text: "Tỷ lệ trí thức trẻ được bồi dưỡng",
      value: 70,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
    });
    await recordValue(target, "2025", 55, c.admin.memberId);
    await recordValue(target, "2026", 72.5, c.admin.memberId);
    const session = await signIn(c.admin.memberId);
    const html = await (await webFetch(`/web/ke-hoach/${c.planId}`, { cookie: session.cookie })).text();
    expect(html).toContain(`KH-${c.tag}`);
    expect(html).toMatch(/<b>1<\/b>Quá hạn/);
    expect(html).toMatch(/Hoàn thành: <b>1\/6<\/b> \(17%\) · đúng hạn 1\/1 \(100%\)/);
    expect(html).toMatch(new RegExp(`Đảng ủy xã An Bình ${c.tag}</a> — <span class="overdue">1 quá hạn`));
    expect(html).toContain("72,5% (năm 2026)");
    expect(html).toContain("≥ 70% đến năm 2030");
    expect(html).toContain("Đạt");
    expect(html).toContain('aria-label="Diễn biến chỉ tiêu: Tỷ lệ trí thức trẻ được bồi dưỡng"');
    expect(html).toContain('aria-label="Tình trạng nhiệm vụ theo đơn vị"');
  });

  it("overview: tasks and assignments counted apart, 0 for no overdue, ties ordered by days overdue", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    // Phú Lộc gets one task overdue for 10 days: one overdue each, Phú Lộc longer, so first despite its name.
    await env.DB.prepare("update tasks set due_on = ?2 where id = ?1").bind(c.tasksB.onlyB.taskId, addDays(today, -10)).run();
    // A third unit with a task not yet due: its overdue count is 0, not blank.
    const unitC = await makeUnit(`Đảng ủy xã Cẩm Lý ${c.tag}`, c.root);
    await env.DB.prepare("insert into assignments (task_id, unit_id, role) values (?1, ?2, 'coop')")
      .bind(c.tasksA.notDue.taskId, unitC)
      .run();
    const session = await signIn(c.admin.memberId);
    const html = await (await webFetch(`/web/ke-hoach/${c.planId}`, { cookie: session.cookie })).text();
    expect(html).toContain("6 nhiệm vụ, 7 lượt giao cho các đơn vị");
    const worst = /<ol id="worst-units">(.*?)<\/ol>/s.exec(html)![1]!;
    expect(worst.indexOf("Phú Lộc")).toBeLessThan(worst.indexOf("An Bình"));
    expect(worst).toContain("1 quá hạn, lâu nhất 10 ngày");
    expect(html).toContain("<title>Quá hạn: 0</title>");
    expect(html).not.toContain("Quá hạn: null");
    expect(html).toMatch(new RegExp(`Cẩm Lý ${c.tag}</a></td><td>1</td><td class="">0</td>`));
  });

  it("a member sees their unit's page, with report links, and is refused another unit's", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.memberA.memberId);
    const home = await webFetch("/web", { cookie: session.cookie });
    expect(home.headers.get("location")).toBe(`/web/don-vi/${c.unitA}`);
    const own = await (await webFetch(`/web/don-vi/${c.unitA}`, { cookie: session.cookie })).text();
    expect(own).toContain("Tổ chức hội nghị quán triệt nghị quyết");
    expect(own).toContain("Quá hạn");
    expect(own).toMatch(/href="http:\/\/localhost:8787\/web\/bieu-mau\/[^"]+">Báo cáo tiến độ/);
    expect(own).not.toContain("Nhiệm vụ riêng của Phú Lộc");

    const other = await webFetch(`/web/don-vi/${c.unitB}`, { cookie: session.cookie });
    expect(other.status).toBe(403);
    const text = await other.text();
    expect(text).toContain("không xem được trang của đơn vị này");
    expect(text).not.toContain("khuyến học");
    expect((await webFetch(`/web/nhiem-vu/${c.tasksB.onlyB.taskId}`, { cookie: session.cookie })).status).toBe(403);
  });

  it("a task page shows the whole history: reports with files, extensions, reviews", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    await addReport(c.tasksA.dueSoon.assignmentId, c.memberA.memberId, {
      percent: 40,
      note: "Đã xin ý kiến các chi bộ",
      files: 1,
    });
    await addExtension(c.tasksA.dueSoon.assignmentId, c.memberA.memberId, {
      from: addDays(today, 3),
      to: addDays(today, 30),
      reason: "Chờ hướng dẫn của tỉnh",
    });
    const session = await signIn(c.viewer.memberId);
    const html = await (await webFetch(`/web/nhiem-vu/${c.tasksA.dueSoon.taskId}`, { cookie: session.cookie })).text();
    expect(html).toContain("Báo cáo tiến độ 40%");
    expect(html).toContain("«Đã xin ý kiến các chi bộ»");
    expect(html).toContain("bien-ban-1.pdf (trong Telegram)");
    expect(html).toContain(`Xin gia hạn ${formatDate(addDays(today, 3))} → ${formatDate(addDays(today, 30))} (chờ quyết định)`);
    expect(html).not.toContain("Sửa nhiệm vụ"); // a viewer reads only
  });
});

describe("approvals on the web", () => {
  it("an admin confirms a completion and grants an extension; the unit is told in chat; a second decision is refused", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    await env.DB.prepare("update assignments set state = 'awaiting_confirmation', reported_done_at = ?2 where id = ?1")
      .bind(c.tasksA.notDue.assignmentId, new Date().toISOString())
      .run();
    const report = await addReport(c.tasksA.notDue.assignmentId, c.memberA.memberId, {
      kind: "completion",
      note: "Đã tổ chức sơ kết",
    });
    const request = await addExtension(c.tasksB.onlyB.assignmentId, c.memberB.memberId, {
      from: addDays(today, 60),
      to: addDays(today, 90),
      reason: "Chờ kinh phí",
    });
    const session = await signIn(c.admin.memberId);

    const list = await (await webFetch("/web/duyet", { cookie: session.cookie })).text();
    expect(list).toContain("Chờ duyệt (2)");
    expect(list).toContain("«Đã tổ chức sơ kết»");

    const confirmed = await post(`/web/duyet/hoan-thanh/${report}`, session, { decision: "confirmed" });
    expect(confirmed.status).toBe(303);
    expect(await (await webFetch(confirmed.headers.get("location")!, { cookie: session.cookie })).text()).toContain(
      "Đã xác nhận hoàn thành.",
    );
    const state = await env.DB.prepare("select state from assignments where id = ?1")
      .bind(c.tasksA.notDue.assignmentId)
      .first<{ state: string }>();
    expect(state!.state).toBe("done");
    const audit = await env.DB.prepare(
      "select actor_member_id from audit_log where action = 'completion.confirmed' and entity_id = ?1",
    )
      .bind(c.tasksA.notDue.assignmentId)
      .first<{ actor_member_id: number }>();
    expect(audit!.actor_member_id).toBe(c.admin.memberId);
    expect((await chatMessages(c.memberA.id)).at(-1)?.text).toContain("đã được xác nhận hoàn thành đúng hạn");

    const again = await post(`/web/duyet/hoan-thanh/${report}`, session, { decision: "returned", note: "Thiếu biên bản" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("đã được xử lý rồi");

    expect((await post(`/web/duyet/gia-han/${request}`, session, { decision: "approved" })).status).toBe(303);
    const due = await env.DB.prepare("select due_override from assignments where id = ?1")
      .bind(c.tasksB.onlyB.assignmentId)
      .first<{ due_override: string }>();
    expect(due!.due_override).toBe(addDays(today, 90));
    expect((await chatMessages(c.memberB.id)).at(-1)?.text).toContain("được đồng ý");
  });

  it("a viewer sees what waits but cannot decide; a return needs a reason; a POST without the form token writes nothing", async () => {
    const c = await makeCommittee();
    await env.DB.prepare("update assignments set state = 'awaiting_confirmation' where id = ?1")
      .bind(c.tasksA.notDue.assignmentId)
      .run();
    const report = await addReport(c.tasksA.notDue.assignmentId, c.memberA.memberId, { kind: "completion", note: "Xong" });
    const viewer = await signIn(c.viewer.memberId);
    const page = await (await webFetch("/web/duyet", { cookie: viewer.cookie })).text();
    expect(page).toContain("«Xong»");
    expect(page).not.toContain("Xác nhận hoàn thành");
    const byViewer = await post(`/web/duyet/hoan-thanh/${report}`, viewer, { decision: "confirmed" });
    expect(byViewer.status).toBe(403);

    const admin = await signIn(c.admin.memberId);
    const noReason = await post(`/web/duyet/hoan-thanh/${report}`, admin, { decision: "returned", note: "  " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Hãy ghi lý do trả lại");
    const noToken = await post(`/web/duyet/hoan-thanh/${report}`, admin, { decision: "confirmed" }, false);
    expect(noToken.status).toBe(403);
    const state = await env.DB.prepare("select review_status from progress_reports where id = ?1")
      .bind(report)
      .first<{ review_status: string }>();
    expect(state!.review_status).toBe("pending");
  });
});
