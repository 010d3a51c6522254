import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { fileDownloadLink, officialFormLink, purposes, targetFormLink } from "../../services/links";
import { signToken } from "../../services/signed-token";
import { addTarget } from "../admin/support";
import { chatMessages } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { pathOf, signIn, webFetch } from "./support";

function formData(fields: Record<string, string>, files: File[] = []): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  for (const file of files) data.append("files", file);
  return data;
}

async function onceOf(path: string): Promise<string> {
  const html = await (await webFetch(path)).text();
  return /name="once" value="([^"]+)"/.exec(html)![1]!;
}

describe("an official's forms, opened from a chat link", () => {
  it("reports progress with a file: kept in R2, in the history as a downloadable link", async () => {
    const c = await makeCommittee();
    const path = pathOf(await officialFormLink(env, c.memberA.memberId, c.tasksA.dueSoon.assignmentId, "progress"));
    const page = await webFetch(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Báo cáo tiến độ");
    expect(html).toContain("Xây dựng kế hoạch bồi dưỡng trí thức trẻ");
    expect(html).toContain('enctype="multipart/form-data"');

    const pdf = new File([new TextEncoder().encode("%PDF-1.4 biên bản")], "Biên bản họp.pdf", { type: "application/pdf" });
    const sent = await webFetch(path, {
      method: "POST",
      body: formData({ once: await onceOf(path), percent: "60", note: "Đã họp chi bộ, thống nhất kế hoạch" }, [pdf]),
    });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("Đã ghi nhận báo cáo tiến độ 60%");

    const row = await env.DB.prepare("select evidence, percent from progress_reports where assignment_id = ?1")
      .bind(c.tasksA.dueSoon.assignmentId)
      .first<{ evidence: string; percent: number }>();
    expect(row!.percent).toBe(60);
    const [evidence] = JSON.parse(row!.evidence) as { fileId: string; name: string; mime: string; size: number }[];
    expect(evidence!.fileId).toMatch(/^r2:evidence\//);
    expect(evidence!.name).toBe("Biên bản họp.pdf");
    const stored = await env.FILES!.get(evidence!.fileId.slice(3));
    expect(await stored!.text()).toBe("%PDF-1.4 biên bản");
    const state = await env.DB.prepare("select state, progress from assignments where id = ?1")
      .bind(c.tasksA.dueSoon.assignmentId)
      .first<{ state: string; progress: number }>();
    expect(state).toEqual({ state: "in_progress", progress: 60 });

    const session = await signIn(c.admin.memberId);
    const task = await (await webFetch(`/web/nhiem-vu/${c.tasksA.dueSoon.taskId}`, { cookie: session.cookie })).text();
    const href = /href="(\/web\/tep\/[^"]+)">Biên bản họp.pdf/.exec(task)![1]!;
    const download = await webFetch(href);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.pdf");
    expect(await download.text()).toBe("%PDF-1.4 biên bản");
  });

  it("refuses a file of the wrong type or too big, and writes nothing", async () => {
    const c = await makeCommittee();
    const path = pathOf(await officialFormLink(env, c.memberA.memberId, c.tasksA.dueSoon.assignmentId, "progress"));
    const exe = new File([new Uint8Array([77, 90])], "setup.exe", { type: "application/x-msdownload" });
    const wrong = await webFetch(path, {
      method: "POST",
      body: formData({ once: crypto.randomUUID(), percent: "50", note: "Kèm tệp" }, [exe]),
    });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("Tệp «setup.exe» không đúng loại");
    expect(wrongHtml).toContain("Kèm tệp"); // what was typed is kept

    const big = new File([new Uint8Array(20 * 1024 * 1024 + 1)], "ban-chup.pdf", { type: "application/pdf" });
    const tooBig = await webFetch(path, {
      method: "POST",
      body: formData({ once: crypto.randomUUID(), percent: "50", note: "Kèm tệp lớn" }, [big]),
    });
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain("lớn hơn 20 MB");

    const reports = await env.DB.prepare("select count(*) as n from progress_reports where assignment_id = ?1")
      .bind(c.tasksA.dueSoon.assignmentId)
      .first<{ n: number }>();
    expect(reports!.n).toBe(0);
    const listed = await env.FILES!.list({ prefix: `evidence/${c.tasksA.dueSoon.assignmentId}/` });
    expect(listed.objects).toHaveLength(0);
  });

  it("a completion waits for the office, whose admins are asked in chat; a second submission of the same form is refused", async () => {
    const c = await makeCommittee();
    const path = pathOf(await officialFormLink(env, c.memberA.memberId, c.tasksA.notDue.assignmentId, "completion"));
    const once = await onceOf(path);
    const done = await webFetch(path, { method: "POST", body: formData({ once, note: "Đã tổ chức sơ kết, có biên bản" }) });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Nhiệm vụ chờ Ban Tổ chức");
    const state = await env.DB.prepare("select state from assignments where id = ?1")
      .bind(c.tasksA.notDue.assignmentId)
      .first<{ state: string }>();
    expect(state!.state).toBe("awaiting_confirmation");
    const toAdmin = (await chatMessages(c.admin.id)).at(-1);
    expect(toAdmin?.text).toContain("Đã tổ chức sơ kết, có biên bản");
    expect(toAdmin?.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toContain("✔ Xác nhận");

    const again = await webFetch(path, { method: "POST", body: formData({ once, note: "Lần nữa" }) });
    expect(again.status).toBe(409);
  });

  it("an extension request checks the date the Vietnamese way", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    const path = pathOf(await officialFormLink(env, c.memberA.memberId, c.tasksA.dueSoon.assignmentId, "extension"));
    const bad = await webFetch(path, {
      method: "POST",
      body: formData({ once: crypto.randomUUID(), proposedDue: "31/02/2027", note: "Chờ kinh phí" }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Chưa đọc được ngày");
    const wanted = formatDate(addDays(today, 45));
    const ok = await webFetch(path, {
      method: "POST",
      body: formData({ once: crypto.randomUUID(), proposedDue: wanted, note: "Chờ kinh phí" }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Đã gửi đề nghị gia hạn");
    const row = await env.DB.prepare("select proposed_due, status from extension_requests where assignment_id = ?1")
      .bind(c.tasksA.dueSoon.assignmentId)
      .first<{ proposed_due: string; status: string }>();
    expect(row).toEqual({ proposed_due: addDays(today, 45), status: "pending" });
  });

  it("records a target's value for the responsible unit; another unit is refused", async () => {
    const c = await makeCommittee();
    const target = await addTarget(c.planId, {
      text: "Tỷ lệ đảng viên trẻ",
      value: 30,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
      responsibleUnitId: c.unitA,
    });
    const path = pathOf(await targetFormLink(env, c.memberA.memberId, target));
    const out = await webFetch(path, {
      method: "POST",
      body: formData({ once: crypto.randomUUID(), period: "quý III/2026", value: "120", note: "" }),
    });
    expect(out.status).toBe(400);
    expect(await out.text()).toContain("từ 0 đến 100");
    const ok = await webFetch(path, {
      method: "POST",
      body: formData({ once: crypto.randomUUID(), period: "quý III/2026", value: "28,5", note: "" }),
    });
    expect(await ok.text()).toContain("Đã ghi quý III/2026: 28,5%.");
    const refused = await webFetch(pathOf(await targetFormLink(env, c.memberB.memberId, target)));
    expect(refused.status).toBe(403);
  });

  it("refuses forged, expired and foreign links, and a removed member's", async () => {
    const c = await makeCommittee();
    const secret = env.TELEGRAM_WEBHOOK_SECRET!;
    const forged = await signToken(
      "not-our-secret",
      purposes.form,
      { m: c.memberA.memberId, a: c.tasksA.dueSoon.assignmentId, k: "progress" },
      Date.now() + 60_000,
    );
    expect((await webFetch(`/web/bieu-mau/${forged}`)).status).toBe(400);
    const expired = await signToken(
      secret,
      purposes.form,
      { m: c.memberA.memberId, a: c.tasksA.dueSoon.assignmentId, k: "progress" },
      Date.now() - 1,
    );
    const gone = await webFetch(`/web/bieu-mau/${expired}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("Đường dẫn đã hết hạn");
    // A download link is not a form link.
    const file = pathOf(await fileDownloadLink(env, "evidence/x", "a.pdf")).replace("/web/tep/", "/web/bieu-mau/");
    expect((await webFetch(file)).status).toBe(400);

    const foreign = await webFetch(
      pathOf(await officialFormLink(env, c.memberB.memberId, c.tasksA.dueSoon.assignmentId, "progress")),
    );
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("không có quyền báo cáo");

    const path = pathOf(await officialFormLink(env, c.memberA.memberId, c.tasksA.dueSoon.assignmentId, "progress"));
    const crossSite = await webFetch(path, {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: formData({ once: crypto.randomUUID(), percent: "10", note: "x" }),
    });
    expect(crossSite.status).toBe(403);
    await env.DB.prepare("update members set removed_at = ?2 where id = ?1")
      .bind(c.memberA.memberId, new Date().toISOString())
      .run();
    expect((await webFetch(path)).status).toBe(403);
    const reports = await env.DB.prepare("select count(*) as n from progress_reports where assignment_id = ?1")
      .bind(c.tasksA.dueSoon.assignmentId)
      .first<{ n: number }>();
    expect(reports!.n).toBe(0);
  });
});
