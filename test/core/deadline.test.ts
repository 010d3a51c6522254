import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../core/deadline/parse";
import type { Deadline, DeadlineKind } from "../../core/deadline/types";

const base: Deadline = { kind: "none", due: null, start: null, recurrence: null, dayOfMonth: null, note: null };
const none: Deadline = base;
const d = (kind: DeadlineKind, due: string | null, extra: Partial<Deadline> = {}): Deadline => ({ ...base, kind, due, ...extra });
const date = (due: string) => d("date", due);
const month = (due: string) => d("month", due);
const quarter = (due: string, extra?: Partial<Deadline>) => d("quarter", due, extra);
const year = (due: string, extra?: Partial<Deadline>) => d("year", due, extra);
const range = (start: string, due: string) => d("range", due, { start });
const recurring = (recurrence: Deadline["recurrence"], dayOfMonth: number | null = null) =>
  d("recurring", null, { recurrence, dayOfMonth });
const perPlan = d("per_plan", null, { note: "Theo kế hoạch của đơn vị" });
const event = (note: string) => d("event", null, { note });

type Row = [string, Deadline];

function table(rows: Row[]) {
  it.each(rows)("%j", (input, expected) => {
    expect(parseDeadline(input)).toEqual(expected);
  });
}

describe("parseDeadline", () => {
  describe("dates", () => {
    table([
      ["trước ngày 30/6/2025", date("2025-06-30")],
      // Tết moves with the lunar calendar: its eve, not the end of the solar year.
      ["hoàn thành trước Tết Nguyên đán 2027", date("2027-02-05")],
      ["trước Tết Nguyên đán Bính Ngọ 2026", date("2026-02-16")],
      ["chậm nhất ngày 10/12/2025", date("2025-12-10")],
      ["trước ngày 15 tháng 12 năm 2025", date("2025-12-15")],
      ["Trước ngày 15 tháng 12/2025", date("2025-12-15")],
      ["ngày 05/01/2026", date("2026-01-05")],
      ["trước 31/12/2025", date("2025-12-31")],
      ["TRƯỚC NGÀY 30-6-2025", date("2025-06-30")],
      ["trước ngày 30.6.2025", date("2025-06-30")],
      ["ngày 29/2/2024", date("2024-02-29")],
      ["hoàn thành trước ngày 30/6/2025.", date("2025-06-30")],
    ]);
  });

  describe("impossible dates are rejected, not read as a month", () => {
    table([
      ["trước ngày 31/2/2025", none],
      ["ngày 29/2/2025", none],
      ["ngày 31 tháng 4 năm 2025", none],
      ["tháng 13/2025", none],
      ["quý 5/2024", none],
    ]);
  });

  describe("months", () => {
    table([
      ["tháng 5/2024", month("2024-05-31")],
      ["Tháng 5/2024", month("2024-05-31")],
      ["trong tháng 5 năm 2024", month("2024-05-31")],
      ["tháng 5-2024", month("2024-05-31")],
      ["tháng 5-năm 2024", month("2024-05-31")],
      ["Tháng 10/2025", month("2025-10-31")],
      ["6/2025", month("2025-06-30")],
      ["06/2025", month("2025-06-30")],
      ["01/2025", month("2025-01-31")],
      ["12/2028", month("2028-12-31")],
      ["tháng 2/2024", month("2024-02-29")],
      ["tháng 2/2025", month("2025-02-28")],
      ["tháng 2/2100", month("2100-02-28")],
      ["tháng 2 năm 2000", month("2000-02-29")],
    ]);
  });

  describe("quarters", () => {
    table([
      ["quý III/2024", quarter("2024-09-30")],
      ["Quý III/2024", quarter("2024-09-30")],
      ["QUÝ III/2024", quarter("2024-09-30")],
      ["quý III-2024", quarter("2024-09-30")],
      ["Quý IV năm 2025", quarter("2025-12-31")],
      ["quý IV 2025", quarter("2025-12-31")],
      ["quý 2/2024", quarter("2024-06-30")],
      ["quý 2 năm 2024", quarter("2024-06-30")],
      ["Quý II-2024", quarter("2024-06-30")],
      ["quý 02/2024", quarter("2024-06-30")],
      ["trong quý I năm 2026", quarter("2026-03-31")],
      ["Quý I/2026", quarter("2026-03-31")],
      ["hoàn thành trong quý IV/2024", quarter("2024-12-31")],
    ]);
  });

  // Half-years are reported as kind "quarter": they end where Q2/Q4 ends.
  describe("half-years", () => {
    table([
      ["6 tháng đầu năm 2025", quarter("2025-06-30")],
      ["06 tháng đầu năm 2025", quarter("2025-06-30")],
      ["6 tháng cuối năm 2025", quarter("2025-12-31")],
      ["nửa đầu năm 2025", quarter("2025-06-30")],
    ]);
  });

  describe("years and spans", () => {
    table([
      ["năm 2024", year("2024-12-31")],
      ["Năm 2024", year("2024-12-31")],
      ["trong năm 2024", year("2024-12-31")],
      ["hoàn thành trong năm 2024", year("2024-12-31")],
      ["2025", year("2025-12-31")],
      ["đến năm 2030", year("2030-12-31")],
      ["2025 - 2026", year("2026-12-31", { start: "2025-01-01" })],
      ["2025-2026", year("2026-12-31", { start: "2025-01-01" })],
      ["2025 – 2026", year("2026-12-31", { start: "2025-01-01" })],
      ["giai đoạn 2026-2030", year("2030-12-31", { start: "2026-01-01" })],
      ["giai đoạn 2026 - 2030", year("2030-12-31", { start: "2026-01-01" })],
      ["GIAI ĐOẠN 2026 - 2030", year("2030-12-31", { start: "2026-01-01" })],
      ["năm 2025 và các năm tiếp theo", year("2025-12-31", { recurrence: "yearly" })],
      ["2025 và những năm tiếp theo", year("2025-12-31", { recurrence: "yearly" })],
      ["2030 - 2025", none],
    ]);
  });

  describe("ranges", () => {
    table([
      ["từ tháng 11/2025 đến quý I/2026", range("2025-11-01", "2026-03-31")],
      ["Từ tháng 11/2025 đến hết Quý I/2026", range("2025-11-01", "2026-03-31")],
      ["tháng 12/2025 - quý I/2026", range("2025-12-01", "2026-03-31")],
      ["từ năm 2025 đến năm 2027", range("2025-01-01", "2027-12-31")],
      ["từ ngày 01/3/2025 đến ngày 30/6/2025", range("2025-03-01", "2025-06-30")],
      ["01/3/2025 - 30/6/2025", range("2025-03-01", "2025-06-30")],
      ["từ 01/3 đến 30/6/2025", range("2025-03-01", "2025-06-30")],
      ["từ tháng 11 đến tháng 3/2026", range("2025-11-01", "2026-03-31")],
      ["từ quý III đến quý IV/2025", range("2025-07-01", "2025-12-31")],
      ["quý III và quý IV/2025", range("2025-07-01", "2025-12-31")],
      ["Quý I, II/2025", range("2025-01-01", "2025-06-30")],
      ["quý III - IV/2025", range("2025-07-01", "2025-12-31")],
      ["tháng 5, 6/2025", range("2025-05-01", "2025-06-30")],
    ]);
  });

  describe("recurring", () => {
    table([
      ["thường xuyên", recurring("ongoing")],
      ["Thường xuyên", recurring("ongoing")],
      ["thực hiện thường xuyên", recurring("ongoing")],
      ["Nhiệm vụ thường xuyên", recurring("ongoing")],
      ["thường xuyên, liên tục", recurring("ongoing")],
      ["hằng năm", recurring("yearly")],
      ["hàng năm", recurring("yearly")],
      ["Hằng năm", recurring("yearly")],
      ["định kỳ hằng năm", recurring("yearly")],
      ["định kỳ hàng năm", recurring("yearly")],
      ["năm tiếp theo", recurring("yearly")],
      ["hằng quý", recurring("quarterly")],
      ["hàng quý", recurring("quarterly")],
      ["định kỳ hằng quý", recurring("quarterly")],
      ["hằng tháng", recurring("monthly")],
      ["hàng tháng", recurring("monthly")],
      ["định kỳ 6 tháng", recurring("semiannual")],
      // Months of every year: reminded at least as often as they fall.
      ["Tại Hội nghị tháng 3, tháng 6, tháng 9 và tháng 11 hằng năm", recurring("quarterly")],
      ["tháng 6 và tháng 12 hằng năm", recurring("semiannual")],
      ["Tại Hội nghị tháng 12 hằng năm", recurring("yearly")],
      ["Định kỳ 06 tháng", recurring("semiannual")],
      ["6 tháng một lần", recurring("semiannual")],
      ["6 tháng/lần", recurring("semiannual")],
      ["sáu tháng một lần", recurring("semiannual")],
      ["trước ngày 20 hằng tháng", recurring("monthly", 20)],
      ["Trước ngày 05 hàng tháng", recurring("monthly", 5)],
      // "thường xuyên" written first is what the duty is; a cadence after it is when it is reviewed.
      ["Thường xuyên, hằng năm", recurring("ongoing")],
      ["thực hiện thường xuyên, tổng kết hằng năm", recurring("ongoing")],
      ["Hằng năm, thường xuyên", recurring("yearly")],
      ["hằng quý và thường xuyên", recurring("quarterly")],
      // The most frequent cadence wins.
      ["định kỳ hằng quý và hằng năm", recurring("quarterly")],
      // Periodic, the cadence not written.
      ["định kỳ", recurring(null)],
      ["định kỳ sơ kết, tổng kết và báo cáo", recurring(null)],
      ["theo định kỳ", recurring(null)],
      ["Thường xuyên và định kỳ", recurring("ongoing")],
      // Beside a date, an unnamed "định kỳ" says the duty goes on after it.
      ["hoàn thành trong quý II/2026, định kỳ báo cáo", quarter("2026-06-30", { recurrence: "ongoing" })],
      // No daily cadence in the enum: treated as ongoing.
      ["định kỳ hàng ngày", recurring("ongoing")],
      // A date without a year cannot be a due date.
      ["Hằng năm, trước ngày 15/12", recurring("yearly")],
    ]);
  });

  describe("monthly and yearly reports dated by the period around them", () => {
    table([
      ["trước ngày 05 của tháng liền kề", recurring("monthly", 5)],
      ["Báo cáo kết quả trước ngày 05 của tháng tiếp theo liền kề", recurring("monthly", 5)],
      ["mỗi tháng", recurring("monthly")],
      ["Mỗi tháng báo cáo một lần", recurring("monthly")],
      ["hằng tháng, trước ngày 20", recurring("monthly", 20)],
      ["trước ngày 31/01 năm liền kề", recurring("yearly")],
      ["31/12 năm trước liền kề", recurring("yearly")],
      ["trước ngày 15/12 của năm liền kề", recurring("yearly")],
    ]);
  });

  // A start is not a due date: alone, it is a continuing duty from then on, with no cadence
  // unless one is written (saved, it is followed as an ongoing one: core/deadline/tracked.ts).
  describe("a start", () => {
    table([
      ["bắt đầu từ năm 2026", d("recurring", null, { start: "2026-01-01" })],
      ["Bắt đầu thực hiện từ quý III/2026", d("recurring", null, { start: "2026-07-01" })],
      ["Từ quý II/2027", d("recurring", null, { start: "2027-04-01" })],
      ["Từ tháng 5/2026, thường xuyên", d("recurring", null, { recurrence: "ongoing", start: "2026-05-01" })],
      ["thực hiện từ năm 2027", d("recurring", null, { start: "2027-01-01" })],
      ["từ quý IV/2025 đến khi kết thúc bầu cử", d("event", null, { start: "2025-10-01", note: "khi kết thúc bầu cử" })],
      // Still a range, and a "từ" inside a longer phrase is no start.
      ["Từ quý III/2026 đến quý III/2030", range("2026-07-01", "2030-09-30")],
      ["báo cáo tình hình từ năm 2026", year("2026-12-31")],
      ["bắt đầu từ năm 2026, hằng năm", d("recurring", null, { recurrence: "yearly", start: "2026-01-01" })],
      ["bắt đầu từ tháng 3/2026, hoàn thành trong năm 2027", year("2027-12-31", { start: "2026-03-01" })],
    ]);
  });

  describe("document numbers are never dates", () => {
    table([
      ["theo Nghị quyết số 66.7/2025/NQ-CP", none],
      ["Nghị quyết 66.7/2025/NQ-CP ngày 15/11/2025", none],
      ["Nghị quyết số 66.7/2025/NQ-CP; hoàn thành trong quý II/2026", quarter("2026-06-30")],
      ["Quyết định 1234/QĐ-UBND ngày 02/3/2025", none],
      ["Kế hoạch 179/KH-UBND; trước ngày 30/6/2026", date("2026-06-30")],
    ]);
  });

  describe("a milestone with a duty after it", () => {
    table([
      [
        "xây dựng kế hoạch thực hiện trong quý II/2024 và thực hiện thường xuyên",
        quarter("2024-06-30", { recurrence: "ongoing" }),
      ],
      ["năm 2025 và hằng năm", year("2025-12-31", { recurrence: "yearly" })],
      ["hoàn thành trước 30/6/2025; báo cáo hằng quý", d("date", "2025-06-30", { recurrence: "quarterly" })],
    ]);
  });

  describe("the unit's own plan", () => {
    table([
      ["thực hiện theo kế hoạch", perPlan],
      ["theo kế hoạch", perPlan],
      ["Theo kế hoạch", perPlan],
      ["theo Kế hoạch của UBND tỉnh", perPlan],
      ["theo chương trình công tác", perPlan],
      // The number and date name the plan, not a deadline.
      ["thực hiện theo Kế hoạch số 45-KH/TU ngày 24/11/2023", perPlan],
    ]);
  });

  describe("event-based", () => {
    table([
      ["sau khi Nghị định … được ban hành", event("sau khi Nghị định … được ban hành")],
      ["sau khi Luật có hiệu lực", event("sau khi Luật có hiệu lực")],
      ["thực hiện (sau khi Luật có hiệu lực)", event("sau khi Luật có hiệu lực")],
      ["theo lộ trình của Bộ", event("theo lộ trình của Bộ")],
      ["theo tiến độ của dự án", event("theo tiến độ của dự án")],
      ["theo yêu cầu", event("theo yêu cầu")],
      ["khi có yêu cầu", event("khi có yêu cầu")],
      ["trong vòng 30 ngày kể từ ngày Luật có hiệu lực", event("trong vòng 30 ngày kể từ ngày Luật có hiệu lực")],
      [
        "sau khi Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 được ban hành",
        event("sau khi Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 được ban hành"),
      ],
    ]);
  });

  describe("nothing recognisable", () => {
    table([
      ["", none],
      ["   ", none],
      ["-", none],
      ["---", none],
      ["Không", none],
      ["thực hiện", none],
      ["Nghị quyết 45-NQ/TW", none],
      ["1000 hộ gia đình", none],
    ]);
  });

  // Prefer the earliest concrete due date; on a tie, the finer one.
  describe("several periods", () => {
    table([
      ["Quý IV/2025 (báo cáo kết quả trước 15/12/2025)", date("2025-12-15")],
      ["Quý IV/2025 (trước 31/12/2025)", date("2025-12-31")],
      ["đến năm 2030, tầm nhìn đến năm 2045", year("2030-12-31")],
    ]);
  });

  describe("document artefacts", () => {
    table([
      ["trong quý\nIII/2024", quarter("2024-09-30")],
      ["trong quý\r\n  III/2024", quarter("2024-09-30")],
      ["(*hoàn thành trong năm 2024*)", year("2024-12-31")],
      ["**quý III/2024**", quarter("2024-09-30")],
      ["quý **III**/2024", quarter("2024-09-30")],
      ["_tháng 5/2024_", month("2024-05-31")],
      ["(hoàn thành trong quý IV/2024).", quarter("2024-12-31")],
      ["quý III/2024".normalize("NFD"), quarter("2024-09-30")],
      ["trước ngày 15 tháng 12 năm 2025".normalize("NFD"), date("2025-12-15")],
      ["thường xuyên".normalize("NFD"), recurring("ongoing")],
      ["sau khi Luật có hiệu lực".normalize("NFD"), event("sau khi Luật có hiệu lực")],
      ["  hoàn   thành\ttrong  năm\u00a02024  ", year("2024-12-31")],
      // Labelled plans (UBND tỉnh Lai Châu, 7360/KH-UBND).
      ["- Thời gian thực hiện: Quý\nIV năm 2025 và các năm tiếp theo.", quarter("2025-12-31", { recurrence: "yearly" })],
      ["Năm\n2026 và các năm tiếp theo.", year("2026-12-31", { recurrence: "yearly" })],
      ["Theo\ntiến độ xây dựng dự thảo văn bản", event("Theo tiến độ xây dựng dự thảo văn bản")],
      ["Thời gian thực hiện sau khi\nChiến lược được ban hành.", event("sau khi Chiến lược được ban hành")],
    ]);
  });

  // Section IV of /work/shared/plans/yen-dung-45-NQ-TW.txt: 11 tasks, in order, as written
  // (two of them carry no deadline phrase).
  describe("Yên Dũng 45-NQ/TW, section IV", () => {
    table([
      ["(*thực hiện theo kế hoạch*)", perPlan],
      ["(*hoàn thành trong năm 2024*)", year("2024-12-31")],
      ["(*ban hành các văn bản trong quý III/2024*)", quarter("2024-09-30")],
      ["(*thực hiện thường xuyên*)", recurring("ongoing")],
      [
        "(*xây dựng kế hoạch thực hiện trong quý II/2024 và thực hiện thường xuyên*)",
        quarter("2024-06-30", { recurrence: "ongoing" }),
      ],
      ["", none],
      ["(*hoàn thành trong quý IV/2024*)", quarter("2024-12-31")],
      ["(*thực hiện thường xuyên*)", recurring("ongoing")],
      ["(*thực hiện thường xuyên*)", recurring("ongoing")],
      ["(*hoàn thành trong tháng 5/2024*)", month("2024-05-31")],
      ["", none],
    ]);
  });

  // Schedule tables give the year once, in a heading ("(Năm 2026)").
  it.each<[string, Deadline]>([
    ["ngày 23 tháng 1", date("2026-01-23")],
    ["trước 15/3", date("2026-03-15")],
    ["tháng 5", month("2026-05-31")],
    ["ngày 10/12/2025", date("2025-12-10")],
    ["từ tháng 11 đến tháng 12", range("2026-11-01", "2026-12-31")],
  ])("%j in a year given by the heading", (input, expected) => {
    expect(parseDeadline(input, { year: 2026 })).toEqual(expected);
  });

  // With a cadence, a day without a year is the first due date in the plan's year; a month or
  // quarter without one only says when in each cycle.
  it.each<[string, Deadline]>([
    ["định kỳ trước ngày 01 tháng 12 hằng năm", d("date", "2026-12-01", { recurrence: "yearly" })],
    ["Hằng năm, trước ngày 15/12", d("date", "2026-12-15", { recurrence: "yearly" })],
    ["quý I hằng năm", recurring("yearly")],
    ["tại hội nghị tháng 12 hằng năm", recurring("yearly")],
    ["tháng 12 hằng năm, trước ngày 20/12", d("date", "2026-12-20", { recurrence: "yearly" })],
  ])("%j with a cadence, in a plan of 2026", (input, expected) => {
    expect(parseDeadline(input, { year: 2026 })).toEqual(expected);
  });

  it("a date without a year stays unread when the document gives none", () => {
    expect(parseDeadline("ngày 23 tháng 1")).toEqual(none);
  });

  it("never throws", () => {
    const odd = [
      "(((",
      ")))",
      "(*",
      "**",
      "quý",
      "ngày",
      "tháng / 2025",
      "99/99/9999",
      "0/0/2025",
      "quý 0/2025",
      "\u0301\u0301",
      "2025".repeat(50),
      "từ đến",
      "đến 2025 từ",
      "ngày 0 hằng tháng",
    ];
    for (const input of odd) expect(() => parseDeadline(input)).not.toThrow();
    expect(parseDeadline(undefined as unknown as string)).toEqual(none);
    expect(parseDeadline(null as unknown as string)).toEqual(none);
  });
});
