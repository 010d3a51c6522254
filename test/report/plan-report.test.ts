import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { periodFromCode } from "../../core/plan-report/period";
import { DEFAULT_SOON_DAYS } from "../../core/status/derive";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { planReport, reportFile } from "../../bot/plan-report-file";
import { decideExtension } from "../../db/queries/extensions";
import { planOverview } from "../../db/queries/overview";
import { reviewCompletion, submitReport } from "../../db/queries/reports";
import { assignments, plans, tasks } from "../../db/schema";
import { makeCommittee, makeMember, makeUnit, testDb } from "../support/fixtures";
import { addExtension, addTarget, recordValue } from "../admin/support";
import { readBack, tableHeaded } from "./read-docx";

let seq = 0;
function report(assignmentId: number, memberId: number, kind: "progress" | "completion", at: string, note: string) {
  return submitReport(testDb(), {
    assignmentId,
    memberId,
    chatId: `report-test-${++seq}`,
    kind,
    percent: kind === "completion" ? 100 : 40,
    note,
    evidence: [],
    dedupeKey: `report-test-${crypto.randomUUID()}`,
    periodKey: null,
    now: at,
  });
}

const UNIT_HEADER = [
  "TT",
  "Cơ quan, đơn vị",
  "Số nhiệm vụ",
  "Hoàn thành đúng hạn",
  "Hoàn thành quá hạn",
  "Đang thực hiện",
  "Quá hạn",
];

describe("báo cáo kết quả thực hiện kế hoạch (.docx)", () => {
  it("reads back with the heading block, sections I–IV and figures that agree with the overview of the same day", async () => {
    const c = await makeCommittee();
    const now = new Date();
    const earlier = new Date(now.getTime() - 3_600_000).toISOString();
    // A progress report, a completion waiting for the office, an extension granted.
    await report(c.tasksA.dueSoon.assignmentId, c.memberA.memberId, "progress", earlier, "Đã dự thảo kế hoạch");
    await report(c.tasksB.onlyB.assignmentId, c.memberB.memberId, "completion", earlier, "Đã tổ chức xong");
    const ext = await addExtension(c.tasksA.overdue.assignmentId, c.memberA.memberId, {
      from: addDays(vietnamDate(now), -1),
      to: addDays(vietnamDate(now), 10),
      reason: "Chờ kinh phí",
    });
    await decideExtension(testDb(), { requestId: ext, adminId: c.admin.memberId, approve: true, now: earlier });

    const today = vietnamDate(now);
    const period = periodFromCode(today.slice(0, 7))!;
    const built = await planReport(testDb(), { planId: c.planId, period, now });
    if (!built.ok) throw new Error(built.reason);
    const live = await planOverview(env.DB, { planId: c.planId, today, soonUntil: addDays(today, DEFAULT_SOON_DAYS) });
    expect(built.data.counts).toEqual(live.counts);
    expect(built.data.total).toBe(live.total);

    const file = await reportFile(built.data, built.doc, now);
    expect(file.name).toMatch(/^bao-cao-ket-qua-kh-.*\.docx$/);
    const doc = await readBack(file.bytes);

    // Heading block: the issuing body (a party committee here) and the party's motto, per HD 36.
    const [headingLeft, headingRight] = doc.tables[0]![0]!;
    expect(headingLeft).toContain(`HUYỆN ỦY THỬ NGHIỆM ${c.tag.toUpperCase()}`);
    expect(headingLeft).toMatch(/Số +-BC\/HU/);
    expect(headingRight).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(headingRight).toContain(`ngày ${today.slice(8)} tháng ${today.slice(5, 7)} năm ${today.slice(0, 4)}`);
    expect(doc.text).toContain("BÁO CÁO");
    expect(doc.text).toContain(`Kết quả thực hiện Kế hoạch số KH-${c.tag}`);
    expect(doc.text).toContain(`(tháng ${Number(today.slice(5, 7))} năm ${today.slice(0, 4)})`);
    for (const heading of ["I. TÌNH HÌNH TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "III. TỒN TẠI, HẠN CHẾ", "IV. PHƯƠNG HƯỚNG"])
      expect(doc.text).toContain(heading);
    expect(doc.text).toContain("Nơi nhận:");
    expect(doc.text).toContain(`Số liệu tính đến hết ngày ${formatDate(today)}`);

    // The table by unit: its total row is the overview's.
    const units = tableHeaded(doc.tables, ...UNIT_HEADER);
    const total = units.at(-1)!;
    const done = live.counts.done_on_time + live.counts.done_late;
    expect(total).toEqual([
      "",
      "Tổng cộng",
      String(live.total),
      String(live.counts.done_on_time),
      String(live.counts.done_late),
      String(live.total - done - live.counts.overdue),
      String(live.counts.overdue),
    ]);
    const rowA = units.find((r) => r[1] === `Đảng ủy xã An Bình ${c.tag}`)!;
    expect(rowA.slice(2)).toEqual(["5", "1", "0", "4", "0"]);
    expect(doc.text).toContain(`Tổng số ${live.total} lượt nhiệm vụ; đã hoàn thành ${done} (`);
    expect(doc.text).toContain(
      `chờ xác nhận hoàn thành ${live.counts.awaiting_confirmation}; quá hạn chưa hoàn thành ${live.counts.overdue}`,
    );
    // The extension moved the overdue task out of "quá hạn"; nothing else is overdue.
    expect(live.counts.overdue).toBe(0);
    expect(doc.text).toContain("Không có nhiệm vụ quá hạn.");
    // Vietnamese intact in the XML itself (UTF-8, composed).
    expect(doc.parts.get("word/document.xml")).toContain("Tồn tại, hạn chế".toUpperCase());
    expect(doc.parts.get("word/styles.xml")).toContain('w:ascii="Times New Roman"');
    expect(doc.parts.get("word/header1.xml")).toContain(" PAGE ");
    expect(doc.parts.get("word/document.xml")).toContain("<w:titlePg/>");
    expect(doc.parts.get("word/document.xml")).toMatch(
      /<w:pgSz w:w="11906" w:h="16838"\/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/,
    );
  });

  it("as of an earlier period's end ignores what was reported, confirmed and recorded after it", async () => {
    const db = testDb();
    const root = await makeUnit(`UBND huyện Thử ${crypto.randomUUID().slice(0, 6)}`);
    const office = await makeUnit("Văn phòng HĐND và UBND", root);
    const unitA = await makeUnit("Phòng Nội vụ", root);
    const unitB = await makeUnit("Phòng Giáo dục và Đào tạo", root);
    const [plan] = await db
      .insert(plans)
      .values({ issuerUnitId: root, monitorUnitId: office, number: `${++seq}/KH-UBND`, title: "Kế hoạch thử kỳ trước" })
      .returning({ id: plans.id });
    const addTask = async (unitId: number, ref: string, title: string, due: string) => {
      const [task] = await db
        .insert(tasks)
        .values({ planId: plan!.id, ref, title, deadlineText: formatDate(due), deadlineKind: "date", dueOn: due })
        .returning({ id: tasks.id });
      const [a] = await db
        .insert(assignments)
        .values({ taskId: task!.id, unitId, role: "lead" })
        .returning({ id: assignments.id });
      return a!.id;
    };
    const late = await addTask(unitA, "1", "Rà soát đội ngũ công chức", "2025-03-15");
    const early = await addTask(unitA, "2", "Ban hành quy chế", "2025-03-20");
    const quiet = await addTask(unitB, "3", "Tổ chức hội thảo", "2025-06-30");
    const nextQuarter = await addTask(unitB, "4", "Khảo sát trường học", "2025-05-10");
    const memberA = await makeMember(unitA, "member");
    const memberB = await makeMember(unitB, "member");
    const admin = await makeMember(office, "admin");
    const target = await addTarget(plan!.id, {
      text: "Tỷ lệ công chức đạt chuẩn",
      value: 90,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
    });

    // Q1 (Vietnam time): a progress report on "late", "early" completed and confirmed on time.
    await report(late, memberA.memberId, "progress", "2025-03-10T02:00:00.000Z", "Đang tổng hợp danh sách");
    const done = await report(early, memberA.memberId, "completion", "2025-03-18T03:00:00.000Z", "Đã ban hành");
    if (!done.ok) throw new Error("report refused");
    await reviewCompletion(db, {
      reportId: done.reportId,
      assignmentId: early,
      adminId: admin.memberId,
      decision: "confirmed",
      note: null,
      now: "2025-03-19T03:00:00.000Z",
    });
    await recordValue(target, "2024", 80, admin.memberId, "2025-02-01T00:00:00.000Z");
    // After Q1 ended in Vietnam (31/3 17:00 UTC is already 1/4 there): all of this is later.
    await report(late, memberA.memberId, "completion", "2025-03-31T17:30:00.000Z", "Đã hoàn thành rà soát");
    await report(quiet, memberB.memberId, "progress", "2025-04-05T03:00:00.000Z", "Đã chọn địa điểm");
    await recordValue(target, "2025-Q1", 92, admin.memberId, "2025-04-10T00:00:00.000Z");
    void nextQuarter;

    const q1 = await planReport(db, { planId: plan!.id, period: periodFromCode("2025-Q1")!, now: new Date() });
    if (!q1.ok) throw new Error(q1.reason);
    expect(q1.data.layout).toBe("state");
    expect(q1.data.asOf).toBe("2025-03-31");
    expect(q1.data.counts.overdue).toBe(1);
    expect(q1.data.counts.done_on_time).toBe(1);
    expect(q1.data.counts.awaiting_confirmation).toBe(0);
    const doc = await readBack((await reportFile(q1.data, q1.doc, new Date())).bytes);
    const [left, right] = doc.tables[0]![0]!;
    expect(left).toMatch(/Số: +\/BC-UBND/);
    expect(right).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(right).toContain("Độc lập - Tự do - Hạnh phúc");
    const overdue = tableHeaded(doc.tables, "TT", "Nhiệm vụ", "Đơn vị", "Hạn", "Số ngày quá hạn", "Báo cáo gần nhất");
    expect(overdue.slice(1)).toEqual([
      ["1", "1. Rà soát đội ngũ công chức", "Phòng Nội vụ", "15/03/2025", "16", "10/03/2025: Đang tổng hợp danh sách"],
    ]);
    // Phòng Giáo dục first reported in April: silent in Q1.
    expect(doc.text).toContain("1 đơn vị chưa gửi báo cáo nào: Phòng Giáo dục và Đào tạo.");
    // The Q1 value was recorded in April: Q1's report knows only 2024's.
    const targetsTable = tableHeaded(doc.tables, "TT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Đánh giá");
    expect(targetsTable[1]).toEqual(["1", "Tỷ lệ công chức đạt chuẩn", "≥ 90% đến năm 2030", "80% (năm 2024)", "Chưa đạt"]);
    // Section IV starts from the tasks due next quarter.
    expect(doc.text).toContain("Các nhiệm vụ đến hạn trong quý II năm 2025:");
    expect(doc.text).toContain("4. Khảo sát trường học");

    // Q2 knows all of it: the completion waits for the office, the unit reported, the value is there.
    const q2 = await planReport(db, { planId: plan!.id, period: periodFromCode("2025-Q2")!, now: new Date() });
    if (!q2.ok) throw new Error(q2.reason);
    expect(q2.data.counts.awaiting_confirmation).toBe(1);
    // Only the task due 10/05 is overdue at 30/06: "late" waits for the office.
    expect(q2.data.counts.overdue).toBe(1);
    expect(q2.data.silentUnits).toEqual([]);
    expect(q2.data.targets[0]!.value).toBe("92%");
  });
});
