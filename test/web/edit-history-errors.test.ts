import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addReport } from "../admin/support";
import { makeCommittee } from "../support/fixtures";
import { post, signIn, webFetch } from "./support";

describe("editing a task on the web", () => {
  it("a refused edit keeps what was typed and says what is wrong; nothing is saved", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    const taskPath = `/web/nhiem-vu/${c.tasksA.notDue.taskId}`;
    const long = `${"Tổ chức hội nghị ".repeat(130).slice(0, 2000)}x`;
    const tooLong = await post(`${taskPath}/sua`, session, { title: long, deadline: "cuối năm sau" });
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(html).toContain("Tên nhiệm vụ dài 2.001 ký tự, quá giới hạn 2.000 ký tự");
    expect(html).not.toContain("không được để trống");
    expect(html).toContain(long.slice(0, 200)); // the typed title is back in the form

    const unread = await post(`${taskPath}/sua`, session, { title: "Báo cáo sơ kết năm (sửa)", deadline: "sớm nhất có thể" });
    expect(unread.status).toBe(400);
    const unreadHtml = await unread.text();
    expect(unreadHtml).toContain("Chưa hiểu thời hạn «sớm nhất có thể». Hãy viết như: 30/6/2026");
    expect(unreadHtml).toContain("Báo cáo sơ kết năm (sửa)");
    const task = await env.DB.prepare("select title, deadline_text from tasks where id = ?1")
      .bind(c.tasksA.notDue.taskId)
      .first<{ title: string; deadline_text: string }>();
    expect(task).toEqual({ title: "Báo cáo sơ kết năm", deadline_text: "cuối năm sau" });
  });

  it("shows an edit in the history as 'Tên: … → …', never as JSON", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    const taskPath = `/web/nhiem-vu/${c.tasksA.notDue.taskId}`;
    expect((await post(`${taskPath}/sua`, session, { title: "Báo cáo tổng kết năm", deadline: "30/6/2027" })).status).toBe(303);
    const html = await (await webFetch(taskPath, { cookie: session.cookie })).text();
    expect(html).toContain("Tên: Báo cáo sơ kết năm → Báo cáo tổng kết năm");
    expect(html).toContain("Thời hạn: cuối năm sau → 30/6/2027");
    expect(html).not.toContain("{&quot;");
    expect(html).not.toContain('{"from"');
  });

  it("'Rút nhiệm vụ' asks first, and is not offered for a task with reports", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    const page = await (await webFetch(`/web/nhiem-vu/${c.tasksA.notDue.taskId}`, { cookie: session.cookie })).text();
    expect(page).toContain(`href="/web/nhiem-vu/${c.tasksA.notDue.taskId}/rut"`);
    const ask = await (await webFetch(`/web/nhiem-vu/${c.tasksA.notDue.taskId}/rut`, { cookie: session.cookie })).text();
    expect(ask).toContain("Rút nhiệm vụ 3?");
    expect(ask).toContain("Không rút, quay lại nhiệm vụ");
    // Opening the question changes nothing.
    expect(
      (await env.DB.prepare("select count(*) as n from tasks where id = ?1").bind(c.tasksA.notDue.taskId).first<{ n: number }>())!
        .n,
    ).toBe(1);

    await addReport(c.tasksA.dueSoon.assignmentId, c.memberA.memberId, { percent: 20, note: "Đang làm" });
    const withHistory = await (await webFetch(`/web/nhiem-vu/${c.tasksA.dueSoon.taskId}`, { cookie: session.cookie })).text();
    expect(withHistory).not.toContain(`/web/nhiem-vu/${c.tasksA.dueSoon.taskId}/rut`);
    expect(withHistory).toContain("không rút được");
    expect((await webFetch(`/web/nhiem-vu/${c.tasksA.dueSoon.taskId}/rut`, { cookie: session.cookie })).status).toBe(409);
  });
});

describe("unknown addresses and bad requests", () => {
  it("answers 404 and 400 in Vietnamese, inside and outside the back office", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    for (const path of ["/web/khong-co", "/web/nhiem-vu/abc", "/web/ke-hoach/1/khong-co", "/khong-co-trang-nay"]) {
      const response = await webFetch(path, { cookie: session.cookie });
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expect(html, path).toContain("Không có trang này");
      expect(html, path).toContain('lang="vi"');
    }
    const badForm = await webFetch(`/web/nhiem-vu/${c.tasksA.notDue.taskId}/sua`, {
      method: "POST",
      cookie: session.cookie,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--y\r\nbroken",
    });
    expect([400, 403]).toContain(badForm.status);
    expect(await badForm.text()).not.toMatch(/Malformed|Bad Request/);
    const badPick = await webFetch("/web/ke-hoach?id=abc", { cookie: session.cookie });
    expect(badPick.status).toBe(400);
    expect(await badPick.text()).toContain("Không có kế hoạch này");
    // The webhooks keep a plain 404 for machines.
    expect(await (await webFetch("/khong-co", { method: "POST", body: "{}" })).text()).toBe("Not Found");
  });
});
