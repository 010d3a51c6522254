import { describe, expect, it } from "vitest";
import dongNai from "../../../shared/plans/dong-nai-179-KH-UBND.md?raw";
import laiChau from "../../../shared/plans/lai-chau-7360-KH-UBND.md?raw";
import nq57 from "../../../shared/plans/nq57-chuong-trinh-hanh-dong-phu-luc-II.md?raw";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";
import type { Deadline } from "../../core/deadline/types";
import { type ExtractedPlan, type ExtractedTask, extractPlan } from "../../core/plan-import/extract";

const none: Deadline = { kind: "none", due: null, start: null, recurrence: null, dayOfMonth: null, note: null };
const dl = (fields: Partial<Deadline>): Deadline => ({ ...none, ...fields });

/** A task with its title cut to its opening words, so expectations quote only short phrases. */
function brief(task: ExtractedTask, words = 5) {
  return { ...task, title: task.title.split(" ").slice(0, words).join(" ") };
}

function task(plan: ExtractedPlan, ref: string): ExtractedTask {
  const found = plan.tasks.find((t) => t.ref === ref);
  if (!found) throw new Error(`no task ${ref}`);
  return found;
}

describe("extractPlan: Yên Dũng (per-unit sections, parenthesised deadlines)", () => {
  const plan = extractPlan(yenDung);
  const section = "IV. NHIỆM VỤ CỤ THỂ";

  it("reads the header from the title and preamble", () => {
    expect(plan.header).toEqual({
      issuer: "Ban Thường vụ Huyện ủy",
      number: null,
      issued_on: null,
      implements: "Nghị quyết số 45-NQ/TW ngày 24/11/2023",
      title: expect.stringMatching(/^thực hiện Nghị quyết số 45-NQ\/TW .* giai đoạn mới$/),
    });
    expect(plan.warnings).toContain("Không tìm thấy số hiệu văn bản");
    expect(plan.warnings).toContain("Không tìm thấy ngày ban hành");
  });

  it("finds both targets with value, comparator, unit and year", () => {
    expect(plan.targets).toEqual([
      {
        text: expect.stringMatching(/^Thu hút trí thức .*đạt trên 10% so với tổng số tuyển dụng mới$/),
        value: 10,
        comparator: "gt",
        unit: "%",
        by_year: 2030,
      },
      { text: "100% các cơ sở giáo dục và đào tạo đạt chuẩn quốc gia", value: 100, comparator: "eq", unit: "%", by_year: 2045 },
    ]);
  });

  it("makes each bullet of section IV a task led by its unit: 11 tasks", () => {
    const hdnd = ["Hội đồng nhân dân huyện"];
    const ubnd = ["UBND huyện"];
    const mttq = ["Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện"];
    const btc = ["Ban Tổ chức Huyện ủy"];
    const btg = ["Ban Tuyên giáo Huyện ủy"];
    const dangUy = ["Các Đảng ủy, chi bộ trực thuộc Huyện ủy"];
    const ongoing = dl({ kind: "recurring", recurrence: "ongoing" });
    const t = (ref: string, title: string, lead: string[], deadline_text: string | null, deadline: Deadline) => ({
      ref,
      title,
      lead,
      coop: [],
      deadline_text,
      deadline,
      section,
    });
    expect(plan.tasks.map((x) => brief(x))).toEqual([
      t(
        "IV.1",
        "Tổ chức giám sát việc",
        hdnd,
        "thực hiện theo kế hoạch",
        dl({ kind: "per_plan", note: "Theo kế hoạch của đơn vị" }),
      ),
      t("IV.2.1", "Chỉ đạo tổ chức, thực", ubnd, "hoàn thành trong năm 2024", dl({ kind: "year", due: "2024-12-31" })),
      t(
        "IV.2.2",
        "Ban hành Kế hoạch đào",
        ubnd,
        "ban hành các văn bản trong quý III/2024",
        dl({ kind: "quarter", due: "2024-09-30" }),
      ),
      t("IV.2.3", "Tiếp tục chỉ đạo và", ubnd, "thực hiện thường xuyên", ongoing),
      t(
        "IV.3",
        "Thực hiện giám sát, phản",
        mttq,
        "xây dựng kế hoạch thực hiện trong quý II/2024 và thực hiện thường xuyên",
        dl({ kind: "quarter", due: "2024-06-30", recurrence: "ongoing" }),
      ),
      t("IV.4.1", "Nghiên cứu, tham mưu Ban", btc, null, none),
      t("IV.4.2", "Tham mưu, xây dựng kế", btc, "hoàn thành trong quý IV/2024", dl({ kind: "quarter", due: "2024-12-31" })),
      t("IV.5.1", "Chỉ đạo, định hướng, cung", btg, "thực hiện thường xuyên", ongoing),
      t("IV.5.2", "Chỉ đạo, hướng dẫn các", btg, "thực hiện thường xuyên", ongoing),
      t(
        "IV.6.1",
        "Triển khai thực hiện nhiệm",
        dangUy,
        "hoàn thành trong tháng 5/2024",
        dl({ kind: "month", due: "2024-05-31" }),
      ),
      t("IV.6.2", "Quan tâm phát huy vai", dangUy, null, none),
    ]);
  });

  it("strips the deadline from the title and keeps titles whole across page breaks", () => {
    expect(task(plan, "IV.2.2").title).toMatch(/đang công tác tại huyện$/);
    expect(task(plan, "IV.4.1").title).toMatch(/từ nguồn đội ngũ trí thức$/);
  });

  it("lists the six units in first-seen order", () => {
    expect(plan.units).toEqual([
      "Hội đồng nhân dân huyện",
      "UBND huyện",
      "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện",
      "Ban Tổ chức Huyện ủy",
      "Ban Tuyên giáo Huyện ủy",
      "Các Đảng ủy, chi bộ trực thuộc Huyện ủy",
    ]);
  });

  it("keeps section III solutions as content, and flags prose assignments in section V", () => {
    expect(plan.tasks.some((x) => x.ref.startsWith("III"))).toBe(false);
    expect(plan.content).toHaveLength(19);
    expect(plan.content[0]).toMatch(/^Quán triệt đầy đủ, toàn diện/);
    // The sentence broken by a page break is one paragraph.
    expect(plan.content.some((c) => /hoạch định chính sách, xây dựng tâm nhìn/.test(c))).toBe(true);
    expect(plan.content.some((c) => c.startsWith("Nơi nhận") || c.includes("Thường trực Huyện ủy, HĐND"))).toBe(false);
    expect(plan.warnings.filter((w) => w.startsWith("Đoạn V."))).toHaveLength(3);
  });

  it("warns about bullets without a deadline", () => {
    expect(plan.warnings).toContain("Nhiệm vụ IV.4.1 không có thời hạn");
    expect(plan.warnings).toContain("Nhiệm vụ IV.6.2 không có thời hạn");
  });
});

describe("extractPlan: Lai Châu (labelled fields, event deadlines)", () => {
  const plan = extractPlan(laiChau);

  it("reads the header table", () => {
    expect(plan.header).toEqual({
      issuer: "UỶ BAN NHÂN DÂN TỈNH LAI CHÂU",
      number: "7360/KH-UBND",
      issued_on: "2025-11-19",
      implements: "Quyết định số 2138/QĐ-TTg ngày 27/9/2025",
      title: expect.stringMatching(/^TRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI.* TỈNH LAI CHÂU$/),
    });
  });

  it("counts 9 tasks, no targets, 8 units", () => {
    expect(plan.tasks.map((t) => t.ref)).toEqual([
      "II.1",
      "II.2",
      "II.3.1.a",
      "II.3.1.b",
      "II.3.2.a",
      "II.3.2.b",
      "II.4",
      "II.5",
      "II.6",
    ]);
    expect(plan.targets).toEqual([]);
    expect(plan.units).toHaveLength(8);
  });

  it("joins wrapped labels and values and splits unit lists", () => {
    expect(brief(task(plan, "II.1"))).toEqual({
      ref: "II.1",
      title: "Trên cơ sở tài liệu",
      lead: [
        "Sở Khoa học và Công nghệ",
        "Sở Tư pháp",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Báo và Phát thanh Truyền hình Lai Châu",
        "các sở, ngành có liên quan",
      ],
      coop: ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"],
      deadline_text: "Quý IV năm 2025 và các năm tiếp theo",
      deadline: expect.objectContaining({ kind: "quarter", due: "2025-12-31" }),
      section: "II. NỘI DUNG KẾ HOẠCH",
    });
  });

  it("takes the task title from the heading and the units out of a prose field", () => {
    expect(task(plan, "II.2")).toMatchObject({
      title: "Rà soát văn bản quy phạm pháp luật",
      lead: ["Sở Khoa học và Công nghệ", "các sở, ngành liên quan", "Ủy ban nhân dân các xã, phường"],
      coop: [],
      deadline_text: null,
    });
  });

  it("reads event deadlines under sub-numbered items", () => {
    const t = task(plan, "II.3.2.a");
    expect(t.section).toMatch(/^II\.3\.2\. Tổ chức triển khai các văn bản/);
    expect(t.lead).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(t.coop).toEqual(["Các sở, ngành có liên quan", "UBND các xã, phường"]);
    expect(t.deadline.kind).toBe("event");
    expect(t.deadline_text).toMatch(/^Sau khi Nghị định/);
  });

  it("accepts a deadline label without a colon and warns about the missing lead", () => {
    expect(task(plan, "II.6")).toMatchObject({
      lead: [],
      deadline_text: "sau khi Chiến lược tiêu chuẩn quốc gia được ban hành",
      deadline: expect.objectContaining({ kind: "event" }),
    });
    expect(plan.warnings).toContain("Nhiệm vụ II.6 không có đơn vị chủ trì");
    expect(plan.warnings).toContain("Nhiệm vụ II.5 không có thời hạn");
  });
});

describe("extractPlan: NQ 57 appendix (Markdown table)", () => {
  const plan = extractPlan(nq57);

  it("counts 140 tasks, numbered by the TT column, and 47 units", () => {
    expect(plan.tasks).toHaveLength(140);
    expect(plan.tasks.map((t) => t.ref)).toEqual(Array.from({ length: 140 }, (_, i) => String(i + 1)));
    expect(plan.units).toHaveLength(47);
    expect(plan.targets).toEqual([]);
    expect(plan.content).toEqual([]);
  });

  it("reads the header from the attachment line", () => {
    expect(plan.header).toEqual({
      issuer: "Chính phủ",
      number: null,
      issued_on: "2025-01-01",
      implements: "Nghị quyết số 57-NQ/TW ngày 22/12/2024",
      title: expect.stringMatching(/^DANH MỤC CÁC NHIỆM VỤ/),
    });
    expect(plan.warnings).toContain('Số hiệu văn bản chưa đầy đủ: "/NQ-CP"');
  });

  it("reads rows field by field, with group rows as sections", () => {
    expect(brief(task(plan, "1"))).toEqual({
      ref: "1",
      title: "Xây dựng, trình Thủ tướng",
      lead: ["Bộ Khoa học và Công nghệ"],
      coop: ["Ban Tuyên giáo Trung ương", "các bộ, ngành, địa phương", "VTV", "VOV", "TTXVN"],
      deadline_text: "6/2025",
      deadline: expect.objectContaining({ kind: "month", due: "2025-06-30" }),
      section: expect.stringMatching(/^I\. Nâng cao nhận thức/),
    });
    expect(task(plan, "46")).toMatchObject({
      lead: ["Bộ Khoa học và Công nghệ", "các địa phương"],
      coop: ["Bộ Khoa học và Công nghệ", "Bộ Ngoại giao"],
      section: expect.stringMatching(/^III\. /),
    });
    expect(task(plan, "14").coop).toEqual([
      "Bộ Công an",
      "Bộ Nội vụ",
      "Bộ Tài chính",
      "Bộ Lao động - Thương binh và Xã hội",
      "Thanh tra Chính phủ",
      "các bộ, ngành và địa phương",
    ]);
  });

  it("leaves empty cells empty and says so", () => {
    expect(task(plan, "42")).toMatchObject({ lead: ["Bộ Công an"], deadline_text: null, deadline: none });
    expect(task(plan, "6").coop).toEqual([]);
    expect(plan.warnings).toContain("Nhiệm vụ 42 không có thời hạn");
    expect(plan.warnings).toContain('Dòng nhóm IV có nội dung ngoài tên nhóm: "năm tiếp theo"');
  });
});

describe("extractPlan: Đồng Nai (responsibility sections and appendix table)", () => {
  const plan = extractPlan(dongNai);

  it("reads the header", () => {
    expect(plan.header).toEqual({
      issuer: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI",
      number: "179/KH-UBND",
      issued_on: "2025-11-18",
      implements: null,
      title: "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TRÊN ĐỊA BÀN TỈNH ĐỒNG NAI GIAI ĐOẠN 2026 - 2030",
    });
  });

  it("counts 120 tasks (26 from section VI, 94 appendix rows), 29 targets, 34 units", () => {
    const parts = plan.tasks.map((t) => t.ref.split(".")[0]);
    expect(plan.tasks).toHaveLength(120);
    expect(parts.filter((p) => p === "VI")).toHaveLength(26);
    expect(parts.filter((p) => p === "A")).toHaveLength(47);
    expect(parts.filter((p) => p === "B")).toHaveLength(34);
    expect(parts.filter((p) => p === "C")).toHaveLength(13);
    expect(plan.targets).toHaveLength(29);
    expect(plan.units).toHaveLength(34);
    expect(plan.warnings.some((w) => w.includes("bị trùng"))).toBe(false);
  });

  it("reads numbered targets with their comparators", () => {
    expect(plan.targets[0]).toEqual({
      text: "Tỷ trọng kinh tế số đạt tối thiểu 30% GRDP",
      value: 30,
      comparator: "gte",
      unit: "%",
      by_year: 2030,
    });
    expect(plan.targets.slice(3, 6).map(({ value, comparator, unit }) => ({ value, comparator, unit }))).toEqual([
      { value: 30, comparator: "eq", unit: "lần" },
      { value: 1, comparator: "gte", unit: "sàn" },
      { value: 10, comparator: "gte", unit: "doanh nghiệp" },
    ]);
  });

  it("makes per-unit responsibilities tasks, inline or as lettered items", () => {
    expect(brief(task(plan, "VI.1.a"))).toEqual({
      ref: "VI.1.a",
      title: "Chủ trì tổ chức, hướng",
      lead: ["Sở Khoa học và Công nghệ"],
      coop: [],
      deadline_text: "định kỳ hằng năm",
      deadline: expect.objectContaining({ kind: "recurring", recurrence: "yearly" }),
      section: "VI. TỔ CHỨC THỰC HIỆN",
    });
    expect(task(plan, "VI.1.f").coop).toEqual(["Sở Nội vụ", "các cơ quan, đơn vị có liên quan"]);
    expect(task(plan, "VI.5")).toMatchObject({
      lead: ["Sở Giáo dục và Đào tạo"],
      title: expect.stringMatching(/^Chủ trì, phối hợp/),
    });
    expect(task(plan, "VI.8").lead).toEqual(["Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II"]);
    expect(task(plan, "VI.19.b").lead).toEqual(["Các doanh nghiệp công nghệ số"]);
    // Numbered paragraphs that assign work in prose are not split, only flagged.
    const flagged = new Set(plan.warnings.flatMap((w) => /^Đoạn (VI\.\d+) giao việc/.exec(w)?.[1] ?? []));
    expect([...flagged]).toEqual(["VI.14", "VI.15", "VI.16", "VI.17", "VI.18", "VI.20", "VI.21"]);
  });

  it("reads the appendix table written one cell per line", () => {
    expect(brief(task(plan, "A.1.1"))).toEqual({
      ref: "A.1.1",
      title: "Rà soát, xây dựng, sửa",
      lead: ["Sở Tư pháp"],
      coop: ["Các sở, ban, ngành", "UBND các phường, xã"],
      deadline_text: "2026 - 2030",
      deadline: expect.objectContaining({ due: "2030-12-31" }),
      section: "I. Hoàn thiện thể chế",
    });
    expect(task(plan, "A.9.5")).toMatchObject({ lead: ["Thuế Đồng Nai"], section: "IX. Phát triển thanh toán số" });
    expect(task(plan, "B.5.1.2")).toMatchObject({ lead: ["Sở Công Thương"], section: "5.1. Thương mại" });
    expect(task(plan, "C.1.2").lead).toEqual(["Sở Khoa học và Công nghệ", "UBND các phường xã"]);
    expect(task(plan, "A.2.7").coop).toEqual(["UBND các phường xã", "Các doanh nghiệp cung cấp dịch vụ viễn thông"]);
  });

  it("keeps the solution sections as content and drops the addressee list", () => {
    expect(plan.content.length).toBeGreaterThan(150);
    expect(plan.content.some((c) => c.includes("Thường trực Tỉnh ủy"))).toBe(false);
  });
});

describe("extractPlan: shapes on small documents", () => {
  it("reads labelled fields in any order, wrapped inside labels, with emphasis, or inline", () => {
    const plan = extractPlan(
      [
        "**KẾ HOẠCH**",
        "",
        "Thử nghiệm nhập liệu",
        "",
        "**I. NỘI DUNG**",
        "",
        "**1.** Xây dựng cơ sở dữ liệu",
        "",
        "- Thời gian",
        "thực hiện: **Quý II/2026**.",
        "",
        "- **Cơ quan",
        "chủ trì**: Sở Tư pháp",
        "",
        "- Cơ quan phối hợp: Sở Nội vụ, Sở Tài chính và các cơ quan liên quan.",
        "",
        "2. Tổ chức tập huấn. Cơ quan chủ trì: Sở Nội vụ; Thời gian thực hiện: năm 2026.",
      ].join("\n"),
    );
    expect(plan.tasks.map((t) => ({ ...t, deadline: t.deadline.kind }))).toEqual([
      {
        ref: "I.1",
        title: "Xây dựng cơ sở dữ liệu",
        lead: ["Sở Tư pháp"],
        coop: ["Sở Nội vụ", "Sở Tài chính", "các cơ quan liên quan"],
        deadline_text: "Quý II/2026",
        deadline: "quarter",
        section: "I. NỘI DUNG",
      },
      {
        ref: "I.2",
        title: "Tổ chức tập huấn",
        lead: ["Sở Nội vụ"],
        coop: [],
        deadline_text: "năm 2026",
        deadline: "year",
        section: "I. NỘI DUNG",
      },
    ]);
    expect(plan.header.title).toBe("Thử nghiệm nhập liệu");
  });

  it("reads a pipe table without inheriting empty cells", () => {
    const plan = extractPlan(
      [
        "| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |",
        "|---|---|---|---|---|",
        "| **I** | **Nhóm một** | | | |",
        "| 1 | Việc A | Sở Y tế | | 12/2026 |",
        "| 2 | Việc B | | Sở Y tế | |",
      ].join("\n"),
    );
    expect(
      plan.tasks.map(({ ref, lead, coop, deadline_text, section }) => ({ ref, lead, coop, deadline_text, section })),
    ).toEqual([
      { ref: "1", lead: ["Sở Y tế"], coop: [], deadline_text: "12/2026", section: "I. Nhóm một" },
      { ref: "2", lead: [], coop: ["Sở Y tế"], deadline_text: null, section: "I. Nhóm một" },
    ]);
    expect(plan.warnings).toEqual(expect.arrayContaining(["Nhiệm vụ 2 không có đơn vị chủ trì", "Nhiệm vụ 2 không có thời hạn"]));
  });

  it("reads a party header table, targets and unit sections with inline text", () => {
    const plan = extractPlan(
      [
        "|",
        "**ĐẢNG BỘ TỈNH BẮC GIANG**",
        "**HUYỆN ỦY YÊN DŨNG**",
        "*",
        "|",
        "**ĐẢNG CỘNG SẢN VIỆT NAM**",
        "|",
        "|",
        "Số 12-KH/HU",
        "|",
        "*Yên Dũng, ngày 5 tháng 4 năm 2024*",
        "|",
        "",
        "KẾ HOẠCH",
        "",
        "thực hiện Chỉ thị số 05-CT/TU ngày 1/2/2024 của Ban Thường vụ Tỉnh ủy",
        "",
        "I. MỤC TIÊU",
        "",
        "- Tỷ lệ đảng viên được học tập đạt ít nhất 95% vào năm 2025.",
        "",
        "- Kết nạp trên 30 đảng viên mới.",
        "",
        "II. NHIỆM VỤ CỤ THỂ",
        "",
        "1. UBND huyện",
        "",
        "- Ban hành kế hoạch, phối hợp với Ban Tổ chức Huyện ủy và các xã, thị trấn thực hiện (*hoàn thành trong quý III/2024*).",
        "",
        "- Tổng kết việc thực hiện.",
        "",
        "2. Ban Tuyên giáo Huyện ủy: Chỉ đạo tuyên truyền (thực hiện thường xuyên).",
        "",
        "Nơi nhận:",
        "- Các chi, đảng bộ trực thuộc,",
        "- Lưu Văn phòng Huyện ủy.",
      ].join("\n"),
    );
    expect(plan.header).toEqual({
      issuer: "HUYỆN ỦY YÊN DŨNG",
      number: "12-KH/HU",
      issued_on: "2024-04-05",
      implements: "Chỉ thị số 05-CT/TU ngày 1/2/2024",
      title: "thực hiện Chỉ thị số 05-CT/TU ngày 1/2/2024 của Ban Thường vụ Tỉnh ủy",
    });
    expect(plan.targets.map(({ value, comparator, unit, by_year }) => ({ value, comparator, unit, by_year }))).toEqual([
      { value: 95, comparator: "gte", unit: "%", by_year: 2025 },
      { value: 30, comparator: "gt", unit: "đảng viên", by_year: null },
    ]);
    expect(plan.tasks.map(({ ref, title, lead, coop, deadline_text }) => ({ ref, title, lead, coop, deadline_text }))).toEqual([
      {
        ref: "II.1.1",
        title: "Ban hành kế hoạch, phối hợp với Ban Tổ chức Huyện ủy và các xã, thị trấn thực hiện",
        lead: ["UBND huyện"],
        coop: ["Ban Tổ chức Huyện ủy", "các xã, thị trấn"],
        deadline_text: "hoàn thành trong quý III/2024",
      },
      { ref: "II.1.2", title: "Tổng kết việc thực hiện", lead: ["UBND huyện"], coop: [], deadline_text: null },
      {
        ref: "II.2",
        title: "Chỉ đạo tuyên truyền",
        lead: ["Ban Tuyên giáo Huyện ủy"],
        coop: [],
        deadline_text: "thực hiện thường xuyên",
      },
    ]);
    expect(plan.units).toEqual(["UBND huyện", "Ban Tổ chức Huyện ủy", "các xã, thị trấn", "Ban Tuyên giáo Huyện ủy"]);
    expect(plan.warnings).toContain("Nhiệm vụ II.1.2 không có thời hạn");
  });

  it("numbers rows of a table without a TT column by position, and keeps a table after the signature", () => {
    const plan = extractPlan(
      [
        "1. Các nội dung khác được giao theo văn bản.",
        "",
        "Nơi nhận:",
        "- Lưu VT.",
        "",
        "| Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
        "|---|---|---|",
        "| Việc A | Sở Y tế | Quý I/2026 |",
        "| Việc B | Sở Nội vụ; UBND các xã | Hằng năm |",
      ].join("\n"),
    );
    expect(plan.tasks.map(({ ref, title, lead }) => ({ ref, title, lead }))).toEqual([
      { ref: "#1", title: "Việc A", lead: ["Sở Y tế"] },
      { ref: "#2", title: "Việc B", lead: ["Sở Nội vụ", "UBND các xã"] },
    ]);
    expect(plan.content).toEqual(["Các nội dung khác được giao theo văn bản"]);
  });

  it("says when it finds no task", () => {
    expect(extractPlan("Văn bản không có nhiệm vụ.").warnings).toContain("Không tìm thấy nhiệm vụ nào");
  });
});

describe("the header of a document converted to text or read from a PDF (no header table)", () => {
  // Written for this test, laid out as e-office PDFs come out as text: one line a part, the body hard-wrapped.
  const party = [
    "ĐẢNG BỘ XÃ AN HÒA",
    "CHI BỘ THÔN BẮC",
    "*",
    "Số 04-KH/CB",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "An Hòa, ngày 10 tháng 4 năm 2026",
    "KẾ HOẠCH",
    "thực hiện Kế hoạch số 15-KH/ĐU ngày 01/4/2026 của Ban Thường vụ Đảng ủy",
    "về phát triển kinh tế hộ gia đình",
    "-----",
    "Thực hiện Kế hoạch số 15-KH/ĐU ngày 01/4/2026 của Ban Thường vụ Đảng ủy xã về",
    "phát triển kinh tế hộ gia đình giai đoạn 2026 - 2030, Chi bộ thôn Bắc xây dựng",
    "kế hoạch thực hiện như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Nâng cao nhận thức của đảng viên và Nhân dân về vai trò của kinh tế hộ gia",
    "đình trong phát triển kinh tế - xã hội của thôn, gắn với xây dựng nông thôn mới.",
    "2. Phân công cụ thể, gắn trách nhiệm của từng chi ủy viên, đảng viên với kết quả",
    "thực hiện các nhiệm vụ của Kế hoạch.",
    "II. NHIỆM VỤ CỤ THỂ",
    "1. Chi ủy chủ trì tổ chức quán triệt Kế hoạch đến toàn thể đảng viên trong kỳ",
    "sinh hoạt chi bộ tháng 5/2026.",
    "2. Ban Công tác Mặt trận thôn chủ trì vận động các hộ gia đình đăng ký mô hình",
    "kinh tế, hoàn thành trong quý III/2026.",
    "3. Chi hội Nông dân thôn chủ trì hướng dẫn kỹ thuật chăn nuôi, trồng trọt cho",
    "hội viên, thực hiện thường xuyên.",
  ].join("\n");

  it("takes the issuing committee under its parent, and the title the rule below ends", () => {
    expect(extractPlan(party).header).toEqual({
      issuer: "CHI BỘ THÔN BẮC",
      number: "04-KH/CB",
      issued_on: "2026-04-10",
      implements: "Kế hoạch số 15-KH/ĐU ngày 1/4/2026",
      title: "thực hiện Kế hoạch số 15-KH/ĐU ngày 01/4/2026 của Ban Thường vụ Đảng ủy về phát triển kinh tế hộ gia đình",
    });
  });

  it("takes a resolution's title after its heading, joined where a line cut it, and the document it carries out", () => {
    const resolution = [
      "CHÍNH PHỦ",
      "Số: 12/NQ-CP",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Hà Nội, ngày 02 tháng 3 năm 2026",
      "NGHỊ QUYẾT",
      "Ban hành Chương trình hành động thực hiện",
      "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
      "CHÍNH PHỦ",
    ].join("\n\n");
    expect(extractPlan(resolution).header).toMatchObject({
      issuer: "CHÍNH PHỦ",
      title: "Ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
      implements: "Nghị quyết số 57-NQ/TW ngày 22/12/2024",
    });
  });

  it("joins an issuer's name written on two lines, and never takes an appendix heading for it", () => {
    const council = ["ỦY BAN NHÂN DÂN", "", "XÃ AN HÒA", "", "Số: 21/KH-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"];
    expect(extractPlan(council.join("\n")).header.issuer).toBe("ỦY BAN NHÂN DÂN XÃ AN HÒA");
    expect(
      extractPlan(
        ["PHỤ LỤC I", "DANH MỤC NHIỆM VỤ", "(Kèm theo Kế hoạch số 21/KH-UBND của Ủy ban nhân dân xã An Hòa)"].join("\n\n"),
      ).header.issuer,
    ).toBe("Ủy ban nhân dân xã An Hòa");
  });
});
