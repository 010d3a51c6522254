import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { linkChildPlan } from "../../db/queries/plan-chain";
import { makeChain, makePlan, type Chain } from "../chain/support";
import { alertEnv, deliver, messagesFor, outboxOf, RecordingQueue, runCron } from "../alerts/helpers";
import { drivers, openTask, type ChatDriver } from "../support/chat-driver";
import { makeMember, testDb } from "../support/fixtures";
import { callbackUpdate, postUpdate } from "../support/webhook";
import { addReport } from "../admin/support";
import { sendFile } from "../import/support";

/**
 * Plans carrying out plans, in chat, on both channels: province → commune →
 * party cell. The commune's plan gives the cell a planning task; each office
 * links its own plan by hand with /lienketkh.
 */
async function chainOn(chat: ChatDriver) {
  const c = await makeChain();
  for (const admin of Object.values(c.admins)) await chat.link(admin);
  const commune = await makePlan(
    {
      issuerUnitId: c.units.commune,
      monitorUnitId: c.units.communeOffice,
      number: `7-KH/ĐU-${c.tag}`,
      title: "Kế hoạch của xã Đông",
      issuedOn: "2026-02-10",
    },
    [
      { title: "Xây dựng kế hoạch thực hiện của chi bộ", unitId: c.units.cell, dueIn: 15 },
      { title: "Tuyên truyền trong đảng viên", unitId: c.units.cell, dueIn: -2 },
      { title: "Tổng kết việc thực hiện", unitId: c.units.commune, dueIn: 60 },
      { title: "Họp Ban Thường vụ triển khai", unitId: c.units.commune, dueIn: -5, state: "done", reportedIn: -6 },
    ],
  );
  const cell = await makePlan(
    { issuerUnitId: c.units.cell, monitorUnitId: c.units.cell, number: `2-KH/CB-${c.tag}`, title: "Kế hoạch của chi bộ" },
    [
      { title: "Họp chi bộ quán triệt", unitId: c.units.cell, dueIn: -1, state: "done", reportedIn: -3 },
      { title: "Phân công đảng viên", unitId: c.units.cell, dueIn: 5 },
    ],
  );
  return { ...c, commune, cell };
}

const parentOf = async (planId: number) =>
  (await env.DB.prepare("select parent_plan_id as p from plans where id = ?1").bind(planId).first<{ p: number | null }>())!.p;

const linksOf = async (planId: number) =>
  (
    await env.DB.prepare("select assignment_id as a from plan_links where child_plan_id = ?1 order by assignment_id")
      .bind(planId)
      .all<{ a: number }>()
  ).results.map((r) => r.a);

/** The number printed beside the line naming `text`. */
function numberOf(screen: string, text: string): string {
  const line = screen.split("\n").find((l) => l.includes(text));
  if (!line) throw new Error(`"${text}" is not on the screen: ${screen}`);
  return /^\d+/.exec(line.trim())![0];
}

describe.each(drivers)("plans carrying out plans, in chat, on $channel", (chat) => {
  it("/lienketkh links the commune's plan to the province's planning task; the province office is asked to confirm", async () => {
    const c = await chainOn(chat);
    const screen = await chat.say(c.admins.commune, "/lienketkh");
    expect(screen).toContain(`7-KH/ĐU-${c.tag}`);
    expect(screen).toContain(`Kế hoạch số 10-KH/TU-${c.tag} của Tỉnh ủy Thử ${c.tag} — 1 nhiệm vụ giao đơn vị`);
    await chat.press(c.admins.commune, numberOf(screen, `10-KH/TU-${c.tag}`));
    expect(await chat.last(c.admins.commune)).toContain("Đã liên kết");

    expect(await parentOf(c.commune.planId)).toBe(c.province.planId);
    // Only the planning task: the commune's other task in the province's plan is its own work.
    expect(await linksOf(c.commune.planId)).toEqual([c.province.assignmentIds[0]]);
    const report = await env.DB.prepare(
      "select r.review_status as status, a.state from progress_reports r join assignments a on a.id = r.assignment_id where r.assignment_id = ?1",
    )
      .bind(c.province.assignmentIds[0])
      .first();
    expect(report).toEqual({ status: "pending", state: "awaiting_confirmation" });
    const notice = await chat.last(c.admins.province);
    expect(notice).toContain(`Đảng ủy xã Đông ${c.tag}`);
    expect(notice).toContain(`Kế hoạch số 7-KH/ĐU-${c.tag}`);
    expect(notice).toContain("chờ đồng chí xác nhận");
  });

  it("the cell links to the commune's plan, the nearest plan that gives it work; three levels", async () => {
    const c = await chainOn(chat);
    await linkChildPlan(testDb(), {
      childPlanId: c.commune.planId,
      parentPlanId: c.province.planId,
      assignmentIds: [c.province.assignmentIds[0]!],
      memberId: c.admins.commune.memberId,
    });
    const screen = await chat.say(c.admins.cell, "/lienketkh");
    const lines = screen.split("\n");
    // The commune's plan (it gives the cell its tasks) before the province's (it gives work to the commune above).
    expect(lines.findIndex((l) => l.includes(`7-KH/ĐU-${c.tag}`))).toBeLessThan(
      lines.findIndex((l) => l.includes(`10-KH/TU-${c.tag}`)),
    );
    await chat.press(c.admins.cell, numberOf(screen, `7-KH/ĐU-${c.tag}`));
    expect(await chat.last(c.admins.cell)).toContain("Đã liên kết");
    expect(await parentOf(c.cell.planId)).toBe(c.commune.planId);
    expect(await linksOf(c.cell.planId)).toEqual([c.commune.assignmentIds[0]]);
  });

  it("a link that would make a cycle is refused and changes nothing", async () => {
    const c = await chainOn(chat);
    await linkChildPlan(testDb(), {
      childPlanId: c.commune.planId,
      parentPlanId: c.province.planId,
      assignmentIds: [c.province.assignmentIds[0]!],
      memberId: c.admins.commune.memberId,
    });
    // A second plan of the commune carrying out the first (its own programme for the commune's task there).
    const programme = await makePlan(
      {
        issuerUnitId: c.units.commune,
        monitorUnitId: c.units.communeOffice,
        number: `9-CTr/ĐU-${c.tag}`,
        title: "Chương trình của xã",
      },
      [{ title: "Rà soát đảng viên", unitId: c.units.commune, dueIn: 30 }],
    );
    await linkChildPlan(testDb(), {
      childPlanId: programme.planId,
      parentPlanId: c.commune.planId,
      assignmentIds: [c.commune.assignmentIds[2]!],
      memberId: c.admins.commune.memberId,
    });
    await env.DB.prepare("update members set current_plan_id = ?1 where id = ?2")
      .bind(c.commune.planId, c.admins.commune.memberId)
      .run();
    const screen = await chat.say(c.admins.commune, "/lienketkh");
    expect(screen).toContain(`Hiện đang thực hiện: Kế hoạch số 10-KH/TU-${c.tag}`);
    await chat.press(c.admins.commune, numberOf(screen, `9-CTr/ĐU-${c.tag}`));
    expect(await chat.last(c.admins.commune)).toContain("thành vòng");
    expect(await parentOf(c.commune.planId)).toBe(c.province.planId);
    expect(await linksOf(c.commune.planId)).toEqual([c.province.assignmentIds[0]]);
  });

  it("a sibling commune's office has no plan to link and sees nothing of the commune's", async () => {
    const c = await chainOn(chat);
    expect(await chat.say(c.admins.sibling, "/lienketkh")).toContain("chưa quản lý kế hoạch nào");
    for (const command of ["/tongquan", "/quahan", "/donvi"]) {
      const answer = await chat.say(c.admins.sibling, command);
      expect(answer).not.toContain(`7-KH/ĐU-${c.tag}`);
      expect(answer).not.toContain(`Chi bộ thôn Một ${c.tag}`);
    }
  });

  it("the parent office sees per unit whether its plan is issued, with figures equal to a hand count, at each level", async () => {
    const c = await chainOn(chat);
    await chat.say(c.admins.commune, "/lienketkh");
    await chat.press(c.admins.commune, numberOf(await chat.last(c.admins.commune), `10-KH/TU-${c.tag}`));
    const siblingDue = formatDate(addDays(vietnamDate(new Date()), -3));

    // Province: the commune issued its plan (4 tasks: 1 done on time, 1 overdue); the sibling has not, 3 days late.
    const overview = await chat.say(c.admins.province, "/tongquan");
    expect(overview).toContain("Kế hoạch thực hiện của đơn vị: 1/2 đã ban hành · ⚠️ 1 chưa ban hành, đã quá hạn");
    await chat.press(c.admins.province, "📄 Kế hoạch đơn vị");
    const rollup = await chat.last(c.admins.province);
    expect(rollup).toContain("1/2 đơn vị đã ban hành");
    expect(rollup).toContain(`✅ Đảng ủy xã Đông ${c.tag}: Kế hoạch số 7-KH/ĐU-${c.tag}, ngày 10/02/2026`);
    expect(rollup).toContain("Tiến độ: 1/4 xong (đúng hạn 1) · 🔴 1 quá hạn");
    expect(rollup).toContain(`🔴 Đảng ủy xã Tây ${c.tag}: chưa ban hành (hạn ${siblingDue}, đã quá hạn)`);
    await chat.press(c.admins.province, "⬜ Chỉ đơn vị chưa ban hành");
    const missing = await chat.last(c.admins.province);
    expect(missing).toContain("1/2 đơn vị");
    expect(missing).toContain(`Đảng ủy xã Tây ${c.tag}`);
    expect(missing).not.toContain(`Đảng ủy xã Đông ${c.tag}`);
    expect(await chat.say(c.admins.province, "/khdonvi chua")).toContain(`🔴 Đảng ủy xã Tây ${c.tag}: chưa ban hành`);
    const found = await chat.say(c.admins.province, `/donvi xa dong ${c.tag}`);
    await chat.press(c.admins.province, numberOf(found, `. Đảng ủy xã Đông ${c.tag}`));
    const unit = await chat.last(c.admins.province);
    expect(unit).toContain(`Đã ban hành kế hoạch thực hiện: Kế hoạch số 7-KH/ĐU-${c.tag}, ngày 10/02/2026`);
    expect(unit).toContain("1/4 nhiệm vụ xong (đúng hạn 1) · 🔴 1 quá hạn");

    // Commune: the cell has not issued yet (its planning task is due in 15 days), then links its plan (2 tasks: 1 done on time).
    expect(await chat.say(c.admins.commune, "/khdonvi")).toContain(
      `⬜ Chi bộ thôn Một ${c.tag}: chưa ban hành (hạn ${formatDate(addDays(vietnamDate(new Date()), 15))})`,
    );
    await chat.say(c.admins.cell, "/lienketkh");
    await chat.press(c.admins.cell, numberOf(await chat.last(c.admins.cell), `7-KH/ĐU-${c.tag}`));
    const communeView = await chat.say(c.admins.commune, "/khdonvi");
    expect(communeView).toContain(`✅ Chi bộ thôn Một ${c.tag}: Kế hoạch số 2-KH/CB-${c.tag}`);
    expect(communeView).toContain("Tiến độ: 1/2 xong (đúng hạn 1)");
    expect(await chat.say(c.admins.commune, "/tongquan")).toContain("Kế hoạch thực hiện của đơn vị: 1/1 đã ban hành");
  });

  it("chasing: the parent office's digest and /quahan name the unit late with its plan, once; its people are told how to complete the task", async () => {
    const c = await chainOn(chat);
    const today = vietnamDate(new Date());
    const late = `Đảng ủy xã Tây ${c.tag}, hạn ${formatDate(addDays(today, -3))}`;
    const member = await makeMember(c.units.sibling, "member", "Tây");
    await chat.link(member);
    const queue = new RecordingQueue();
    const e = alertEnv(queue);
    const now = Date.now();
    await runCron(e, now);
    await runCron(e, now + 60_000);

    const digests = (await outboxOf(c.admins.province.memberId)).filter((r) => r.kind === "admin_daily");
    // One per channel the admin uses, however often the cron runs.
    expect(digests).toHaveLength(chat.channel === "zalo" ? 2 : 1);
    await deliver(e, await messagesFor(queue.take(), [c.admins.province.memberId, member.memberId]), { deps: {} });
    const digest = (await chat.texts(c.admins.province)).find((text) => text.includes("Tổng hợp ngày")) ?? "";
    expect(digest).toContain("Chưa ban hành kế hoạch thực hiện (1 đơn vị, đã quá hạn):");
    expect(digest).toContain(late);
    expect(digest).not.toContain(`Đảng ủy xã Đông ${c.tag},`);
    // The late unit's own people: the overdue planning task says what completes it.
    expect(await chat.last(member)).toContain("nhập vào hệ thống (/nhapkh) là hoàn thành nhiệm vụ này");

    const overdue = await chat.say(c.admins.province, "/quahan");
    expect(overdue).toContain("Chưa ban hành kế hoạch thực hiện (1 đơn vị, đã quá hạn):");
    expect(overdue).toContain(late);
    // The commune's office chases its own units only: the province's late commune is not its business.
    expect(await chat.say(c.admins.commune, "/quahan")).not.toContain("Chưa ban hành kế hoạch thực hiện");
  });

  it("the planning task's card tells the unit's people that issuing their plan completes it, then names the plan", async () => {
    const c = await chainOn(chat);
    const sibling = await makeMember(c.units.sibling, "member", "Tây");
    const commune = await makeMember(c.units.commune, "leader", "Đông");
    for (const person of [sibling, commune]) await chat.link(person);
    const card = await openTask(chat, sibling, "Xây dựng kế hoạch thực hiện Kế hoạch này");
    expect(card).toContain("hoàn thành khi đơn vị ban hành kế hoạch thực hiện và nhập vào hệ thống");
    // An ordinary task says nothing of it.
    expect(await openTask(chat, sibling, "Tổ chức hội nghị quán triệt")).not.toContain("kế hoạch thực hiện");

    await chat.say(c.admins.commune, "/lienketkh");
    await chat.press(c.admins.commune, numberOf(await chat.last(c.admins.commune), `10-KH/TU-${c.tag}`));
    const linked = await openTask(chat, commune, "Xây dựng kế hoạch thực hiện Kế hoạch này");
    expect(linked).toContain(`Đơn vị đã ban hành kế hoạch thực hiện: Kế hoạch số 7-KH/ĐU-${c.tag} ngày 10/02/2026`);
    expect(linked).not.toContain("hoàn thành khi đơn vị ban hành");
  });

  it("the parent office reads its units' plans but writes nothing in them from chat", async () => {
    const c = await chainOn(chat);
    await linkChildPlan(testDb(), {
      childPlanId: c.cell.planId,
      parentPlanId: c.commune.planId,
      assignmentIds: [c.commune.assignmentIds[0]!],
      memberId: c.admins.cell.memberId,
    });
    // A completion in the cell's own plan, waiting for the cell's office.
    const cellMember = await makeMember(c.units.cell, "member", "Một");
    const reportId = await addReport(c.cell.assignmentIds[1]!, cellMember.memberId, {
      kind: "completion",
      note: "Đã phân công xong",
    });
    await env.DB.prepare("update assignments set state = 'awaiting_confirmation' where id = ?1")
      .bind(c.cell.assignmentIds[1])
      .run();

    // The commune reads the cell's plan on its roll-up…
    expect(await chat.say(c.admins.commune, "/khdonvi")).toContain(`Kế hoạch số 2-KH/CB-${c.tag}`);
    // …but the cell's completion is not the commune's to decide, nor is the cell's plan the commune's to link.
    expect(await chat.say(c.admins.commune, "/duyet")).not.toContain("Phân công đảng viên");
    expect(await chat.say(c.admins.commune, "/lienketkh")).toContain(`7-KH/ĐU-${c.tag}`);
    if (chat.channel === "telegram") {
      // Buttons the commune was never shown, forged: refused, nothing written.
      await postUpdate(callbackUpdate(c.admins.commune, 1, `cfm:${reportId}`));
      await postUpdate(callbackUpdate(c.admins.commune, 1, `lk:${c.cell.planId}:${c.province.planId}`));
      expect(await chat.last(c.admins.commune)).toContain("Chỉ quản trị viên theo dõi kế hoạch của đơn vị");
      await postUpdate(callbackUpdate(c.admins.commune, 1, `task:${c.cell.assignmentIds[1]}`));
      expect(await chat.last(c.admins.commune)).not.toContain("Phân công đảng viên");
    }
    const report = await env.DB.prepare("select review_status as status from progress_reports where id = ?1")
      .bind(reportId)
      .first();
    expect(report).toEqual({ status: "pending" });
    expect(await parentOf(c.cell.planId)).toBe(c.commune.planId);
    expect(await linksOf(c.cell.planId)).toEqual([c.commune.assignmentIds[0]]);
    // The sibling commune's office reads nothing of either.
    const sibling = await chat.say(c.admins.sibling, "/khdonvi");
    expect(sibling).not.toContain(`2-KH/CB-${c.tag}`);
    expect(sibling).not.toContain(`7-KH/ĐU-${c.tag}`);
  });

  it("/nhapkh: the review names the plan the header carries out, saving links it, and the province office is asked to confirm", async () => {
    const c = await chainOn(chat);
    const admin = c.admins.commune;
    const named = `Kế hoạch số 10-KH/TU-${c.tag}`;
    const review = await importCommunePlan(chat, c, `Thực hiện ${named} ngày 05/01/2026 của Ban Thường vụ Tỉnh ủy`);
    expect(review).toContain(`🔗 Thực hiện: ${named} của Tỉnh ủy Thử ${c.tag}`);
    await chat.press(admin, "✅ Xác nhận lưu");
    const saved = (await chat.texts(admin)).find((text) => text.includes("Đã lưu kế hoạch")) ?? "";
    expect(saved).toContain(
      `🔗 Đã liên kết: kế hoạch thực hiện ${named} của Tỉnh ủy Thử ${c.tag} (1 nhiệm vụ được giao cho đơn vị)`,
    );
    const plan = await env.DB.prepare("select id, parent_plan_id as parent from plans where title like ?1")
      .bind(`%việc của xã ${c.tag}%`)
      .first<{ id: number; parent: number }>();
    expect(plan!.parent).toBe(c.province.planId);
    expect(await linksOf(plan!.id)).toEqual([c.province.assignmentIds[0]]);
    expect(await chat.last(c.admins.province)).toContain("chờ đồng chí xác nhận");
  });

  it("/nhapkh: a parent plan not in the system is said so, with how to link later; the plan is saved unlinked", async () => {
    const c = await chainOn(chat);
    const admin = c.admins.commune;
    const review = await importCommunePlan(chat, c, `Thực hiện Kế hoạch số 99-KH/TU-${c.tag} của Tỉnh ủy`);
    expect(review).toContain(`chưa tìm thấy kế hoạch đó`);
    expect(review).toContain("/lienketkh");
    await chat.press(admin, "✅ Xác nhận lưu");
    const saved = (await chat.texts(admin)).find((text) => text.includes("Đã lưu kế hoạch")) ?? "";
    expect(saved).toContain(`Chưa liên kết được với «Kế hoạch số 99-KH/TU-${c.tag}`);
    const plan = await env.DB.prepare("select parent_plan_id as parent from plans where title like ?1")
      .bind(`%việc của xã ${c.tag}%`)
      .first<{ parent: number | null }>();
    expect(plan).toEqual({ parent: null });
  });
});

/**
 * The commune's office imports its plan in chat: on Telegram as a file whose
 * header says what it carries out; on Zalo (no files) typed, its name saying
 * it. Returns the review's summary.
 */
async function importCommunePlan(chat: ChatDriver, c: Chain, implementsLine: string): Promise<string> {
  const admin = c.admins.commune;
  const task = `Chi bộ xây dựng kế hoạch thực hiện | Chi bộ thôn Một ${c.tag} | | quý II/2026`;
  if (chat.channel === "telegram") {
    const document = [
      `| ĐẢNG ỦY XÃ ĐÔNG ${c.tag} | ĐẢNG CỘNG SẢN VIỆT NAM |`,
      "| --- | --- |",
      "| Số: 3-KH/ĐU | Xã Đông, ngày 01 tháng 02 năm 2026 |",
      "",
      "KẾ HOẠCH",
      "",
      `các việc của xã ${c.tag} trong năm`,
      "",
      `${implementsLine}, Đảng ủy xã ban hành Kế hoạch như sau:`,
      "",
      "I. NHIỆM VỤ",
      "",
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |",
      "| --- | --- | --- | --- | --- |",
      `| 1 | ${task} |`,
      "",
    ].join("\n");
    await sendFile(admin, "ke-hoach-xa.md", document);
    return chat.last(admin);
  }
  await chat.say(admin, "/nhapkh");
  await chat.press(admin, "📝 Gõ danh sách nhiệm vụ");
  await chat.say(admin, task);
  return chat.say(admin, `Kế hoạch các việc của xã ${c.tag}: ${implementsLine}`);
}
