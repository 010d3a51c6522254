import { env } from "cloudflare:workers";
import { chatMessages } from "../support/fake-telegram";
import { describe, expect, it } from "vitest";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";
import { createDb } from "../../db/client";
import { importDraft } from "../../db/queries/plan-import";
import { addReport } from "../admin/support";
import { yenDungCommittee } from "../import/support";
import { makeCommittee } from "../support/fixtures";
import { post, signIn, webFetch, type WebSession } from "./support";

function upload(session: WebSession, name: string, content: string | Uint8Array, type: string): Promise<Response> {
  const data = new FormData();
  data.set("_csrf", session.csrf);
  data.set("file", new File([content], name, { type }));
  return webFetch("/web/nhap", { method: "POST", cookie: session.cookie, body: data });
}

describe("plan import on the web", () => {
  it("reads the file, shows one editable table, and saves it with an edited title, a new deadline, a dropped task and an added one", async () => {
    const c = await yenDungCommittee();
    const session = await signIn(c.admin.memberId);
    const sent = await upload(session, "ke-hoach-45.txt", `${yenDung}\n\nBản sao web ${c.tag}\n`, "text/plain");
    expect(sent.status).toBe(303);
    const reviewPath = sent.headers.get("location")!;
    const review = await (await webFetch(reviewPath, { cookie: session.cookie })).text();
    expect(review).toContain("Xem lại trước khi lưu");
    expect(review).toContain('name="new-title-0"');
    const tasksBefore = await env.DB.prepare("select count(*) as n from plans").first<{ n: number }>();

    const draft = (await importDraft(createDb(env.DB), Number(reviewPath.split("/").pop())))!;
    // What the reader could not settle is shown to the admin, not kept to the chat.
    expect(draft.plan.warnings).toContain("Không tìm thấy số hiệu văn bản");
    expect(review).toContain(`Lưu ý khi đọc tệp (${draft.plan.warnings.length})`);
    expect(review).toContain("Không tìm thấy số hiệu văn bản");
    const fields: Record<string, string> = {};
    draft.plan.tasks.forEach((task, i) => {
      fields[`title-${i}`] = task.title;
      fields[`deadline-${i}`] = task.deadline_text ?? "";
    });
    fields["title-0"] = "Quán triệt Nghị quyết 45 (đã sửa trên web)";
    fields["deadline-1"] = "30/6/2027";
    fields["drop-2"] = "1";
    fields["new-title-0"] = "Khảo sát đội ngũ trí thức trẻ của huyện";
    fields["new-lead-0"] = String(c.ubnd);
    fields["new-deadline-0"] = "quý IV/2026";

    const unreadable = await post(reviewPath, session, { ...fields, "deadline-1": "sớm" });
    expect(unreadable.status).toBe(400);
    expect(await unreadable.text()).toContain("chưa hiểu thời hạn");
    expect((await env.DB.prepare("select count(*) as n from plans").first<{ n: number }>())!.n).toBe(tasksBefore!.n);

    const saved = await post(reviewPath, session, fields);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain(`Đã lưu kế hoạch`);
    const plan = await env.DB.prepare("select id from plans where source_hash = ?1")
      .bind(draft.sourceHash)
      .first<{ id: number }>();
    const tasks = await env.DB.prepare("select ref, title, due_on from tasks where plan_id = ?1 order by sort_order")
      .bind(plan!.id)
      .all<{ ref: string; title: string; due_on: string | null }>();
    expect(tasks.results).toHaveLength(draft.plan.tasks.length); // one dropped, one added
    expect(tasks.results[0]!.title).toBe("Quán triệt Nghị quyết 45 (đã sửa trên web)");
    expect(tasks.results[1]!.due_on).toBe("2027-06-30");
    expect(tasks.results.map((t) => t.title)).not.toContain(draft.plan.tasks[2]!.title);
    const added = tasks.results.at(-1)!;
    expect(added).toMatchObject({ ref: "BS1", title: "Khảo sát đội ngũ trí thức trẻ của huyện", due_on: "2026-12-31" });
    const lead = await env.DB.prepare(
      "select a.unit_id from assignments a join tasks t on t.id = a.task_id where t.plan_id = ?1 and t.ref = 'BS1'",
    )
      .bind(plan!.id)
      .first<{ unit_id: number }>();
    expect(lead!.unit_id).toBe(c.ubnd);
    expect(
      await env.DB.prepare("select 1 from audit_log where action = 'plan.import' and actor_member_id = ?1")
        .bind(c.admin.memberId)
        .first(),
    ).not.toBeNull();

    // The same document again: refused as a duplicate.
    const again = await upload(session, "ke-hoach-45.txt", `${yenDung}\n\nBản sao web ${c.tag}\n`, "text/plain");
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("đã được nhập");
  });

  it("splits one task into several and merges one into an earlier one", async () => {
    const c = await yenDungCommittee();
    const session = await signIn(c.admin.memberId);
    const sent = await upload(session, "ke-hoach-45.txt", `${yenDung}\n\nBản tách gộp ${c.tag}\n`, "text/plain");
    const reviewPath = sent.headers.get("location")!;
    expect(await (await webFetch(reviewPath, { cookie: session.cookie })).text()).toContain('name="split-0"');
    const draft = (await importDraft(createDb(env.DB), Number(reviewPath.split("/").pop())))!;
    const fields: Record<string, string> = {};
    draft.plan.tasks.forEach((task, i) => {
      fields[`title-${i}`] = task.title;
      fields[`deadline-${i}`] = task.deadline_text ?? "";
    });
    fields["deadline-0"] = "30/9/2027";
    fields["split-0"] = "Quán triệt trong cấp ủy\nQuán triệt trong đảng viên\n";
    fields["merge-3"] = "2";

    const wrongMerge = await post(reviewPath, session, { ...fields, "merge-1": "5" });
    expect(wrongMerge.status).toBe(400);
    expect(await wrongMerge.text()).toContain("chỉ gộp được vào một nhiệm vụ đứng trước");

    expect((await post(reviewPath, session, fields)).status).toBe(200);
    const plan = await env.DB.prepare("select id from plans where source_hash = ?1")
      .bind(draft.sourceHash)
      .first<{ id: number }>();
    const tasks = (
      await env.DB.prepare("select ref, title, due_on from tasks where plan_id = ?1 order by sort_order")
        .bind(plan!.id)
        .all<{ ref: string; title: string; due_on: string | null }>()
    ).results;
    expect(tasks).toHaveLength(draft.plan.tasks.length); // one more from the split, one fewer from the merge
    const first = draft.plan.tasks[0]!.ref;
    expect(tasks.slice(0, 2)).toEqual([
      { ref: first, title: "Quán triệt trong cấp ủy", due_on: "2027-09-30" },
      { ref: `${first}.2`, title: "Quán triệt trong đảng viên", due_on: "2027-09-30" },
    ]);
    expect(tasks[3]!.title).toBe(`${draft.plan.tasks[2]!.title}; ${draft.plan.tasks[3]!.title}`);
    expect(tasks.map((t) => t.ref)).not.toContain(draft.plan.tasks[3]!.ref);
  });

  it("refuses a wrong file type and a non-admin, and writes nothing", async () => {
    const c = await yenDungCommittee();
    const session = await signIn(c.admin.memberId);
    const pdf = await upload(session, "ke-hoach.pdf", new Uint8Array([37, 80, 68, 70]), "application/pdf");
    expect(pdf.status).toBe(415);
    expect(await pdf.text()).toContain("Tệp PDF bị hỏng");
    const big = await upload(session, "ke-hoach.txt", "a".repeat(2 * 1024 * 1024 + 1), "text/plain");
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("Tệp lớn hơn 2 MB");
    const official = await signIn(c.officialA.memberId);
    const refused = await upload(official, "ke-hoach-45.txt", `${yenDung}\n${c.tag}`, "text/plain");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Chỉ quản trị viên mới nhập được kế hoạch");
    expect(
      (await env.DB.prepare("select count(*) as n from plan_imports where member_id in (?1, ?2)")
        .bind(c.admin.memberId, c.officialA.memberId)
        .first<{ n: number }>())!.n,
    ).toBe(0);
  });
});

describe("editing a saved plan's tasks", () => {
  it("an admin changes a title and deadline (audited, in the history), adds a task and withdraws one without history", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    const edited = await post(`/web/nhiem-vu/${c.tasksA.notDue.taskId}/sua`, session, {
      title: "Báo cáo sơ kết năm (bản sửa)",
      deadline: "quý II/2027",
    });
    expect(edited.status).toBe(303);
    const page = await (await webFetch(edited.headers.get("location")!, { cookie: session.cookie })).text();
    expect(page).toContain("Đã lưu thay đổi.");
    expect(page).toContain("Báo cáo sơ kết năm (bản sửa)");
    expect(page).toContain("30/06/2027");
    expect(page).toContain("Sửa nhiệm vụ");
    const task = await env.DB.prepare("select title, due_on from tasks where id = ?1").bind(c.tasksA.notDue.taskId).first();
    expect(task).toEqual({ title: "Báo cáo sơ kết năm (bản sửa)", due_on: "2027-06-30" });

    const added = await post("/web/ke-hoach/them-nhiem-vu", session, {
      title: "Tổng kết 5 năm",
      unitId: String(c.unitB),
      deadline: "31/12/2027",
    });
    expect(added.status).toBe(303);
    expect(await (await webFetch(added.headers.get("location")!, { cookie: session.cookie })).text()).toContain("Tổng kết 5 năm");

    await addReport(c.tasksA.dueSoon.assignmentId, c.memberA.memberId, { percent: 10, note: "Bắt đầu" });
    const kept = await post(`/web/nhiem-vu/${c.tasksA.dueSoon.taskId}/rut`, session, {});
    expect(kept.status).toBe(409);
    expect(await kept.text()).toContain("không rút được");
    const withdrawn = await post(`/web/nhiem-vu/${c.tasksB.onlyB.taskId}/rut`, session, {});
    expect(withdrawn.status).toBe(200);
    expect(await env.DB.prepare("select 1 from tasks where id = ?1").bind(c.tasksB.onlyB.taskId).first()).toBeNull();
    const audit = await env.DB.prepare("select action from audit_log where entity = 'task' and entity_id in (?1, ?2) order by id")
      .bind(c.tasksA.notDue.taskId, c.tasksB.onlyB.taskId)
      .all<{ action: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(["task.edit", "task.withdraw"]);

    // The units were told in chat, through the outbox: the edit to An Bình's member, the new task and the withdrawal to Phú Lộc's.
    const told = async (memberId: number) =>
      (
        await env.DB.prepare("select subject, status from reminders where member_id = ?1 and kind = 'notice' order by id")
          .bind(memberId)
          .all<{ subject: string; status: string }>()
      ).results;
    expect((await told(c.memberA.memberId)).map((r) => r.subject)).toEqual([
      expect.stringMatching(new RegExp(`^task:${c.tasksA.notDue.taskId}:edited:`)),
    ]);
    expect((await told(c.memberB.memberId)).map((r) => r.subject.split(":")[2])).toEqual(["added", "withdrawn"]);
    expect((await told(c.memberB.memberId)).every((r) => r.status === "sent")).toBe(true);
    const messages = await chatMessages(c.memberB.id);
    expect(messages.at(-1)!.text).toContain("đã được rút khỏi kế hoạch");
  });

  it("a viewer or a member cannot edit; nothing changes", async () => {
    const c = await makeCommittee();
    const viewer = await signIn(c.viewer.memberId);
    const byViewer = await post(`/web/nhiem-vu/${c.tasksA.notDue.taskId}/sua`, viewer, { title: "Đổi tên", deadline: "" });
    expect(byViewer.status).toBe(403);
    expect(await byViewer.text()).toContain("Chỉ quản trị viên theo dõi kế hoạch này");
    const member = await signIn(c.memberA.memberId);
    expect((await post(`/web/nhiem-vu/${c.tasksA.notDue.taskId}/rut`, member, {})).status).toBe(403);
    expect(
      (await post("/web/ke-hoach/them-nhiem-vu", member, { title: "X", unitId: String(c.unitA), deadline: "" })).status,
    ).toBe(403);
    const task = await env.DB.prepare("select title from tasks where id = ?1")
      .bind(c.tasksA.notDue.taskId)
      .first<{ title: string }>();
    expect(task!.title).toBe("Báo cáo sơ kết năm");
  });
});
