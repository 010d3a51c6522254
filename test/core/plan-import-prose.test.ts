import { describe, expect, it } from "vitest";
import { readAssignment } from "../../core/plan-import/assignment";
import { splitBlocks } from "../../core/plan-import/blocks";
import { extractPlan } from "../../core/plan-import/extract";
import { meetingTime } from "../../core/plan-import/meeting-time";

/** Prose layouts of party committees' plans and programmes; every text here is written for these tests. */

// Twenty-odd lines of a page-wide paragraph first, so the text reads as hard-wrapped at a page's width.
const PAGE = Array.from(
  { length: 24 },
  (_, i) => `Dòng ${String(i + 10)} của một đoạn văn dài được ngắt theo khổ giấy, chưa hết câu`,
);
const paragraphs = (text: string) =>
  splitBlocks(`${PAGE.join("\n")}.\nI. NỘI DUNG CỤ THỂ\n${text}`)
    .flatMap((b) => (b.kind === "paragraph" ? [b.text] : []))
    .slice(2);

describe("paragraphs of hard-wrapped prose", () => {
  it.each([
    [
      "a sub-item after an assignment line without a full stop",
      "Ban Dân vận chủ trì, phối hợp tham mưu, trình trong tháng 11/2026\n1.2. Nghị quyết về công tác dân vận",
      ["Ban Dân vận chủ trì, phối hợp tham mưu, trình trong tháng 11/2026", "1.2. Nghị quyết về công tác dân vận"],
    ],
    [
      "a part heading in capitals after an unfinished line",
      "Các cơ quan tham mưu trình trong Quý IV/2030\nB. NỘI DUNG TRÌNH BAN THƯỜNG VỤ",
      ["Các cơ quan tham mưu trình trong Quý IV/2030", "B. NỘI DUNG TRÌNH BAN THƯỜNG VỤ"],
    ],
    [
      'an assignment line after a title ending in "tiếp theo"',
      "Nghị quyết về công tác cán bộ giai đoạn 2026 - 2030 và những năm tiếp theo\nBan Tổ chức chủ trì, phối hợp tham mưu, trình trong tháng 11/2026",
      [
        "Nghị quyết về công tác cán bộ giai đoạn 2026 - 2030 và những năm tiếp theo",
        "Ban Tổ chức chủ trì, phối hợp tham mưu, trình trong tháng 11/2026",
      ],
    ],
    [
      "a bulleted assignment line after a title without a full stop",
      "Tiếp tục nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới\n- Ban Tổ chức tham mưu, thực hiện trong Quý II/2028.",
      [
        "Tiếp tục nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới",
        "- Ban Tổ chức tham mưu, thực hiện trong Quý II/2028.",
      ],
    ],
    [
      "a bullet inside a wrapped sentence that names no unit's work stays in it",
      "Đẩy mạnh tuyên truyền về các chủ trương của Đảng, chính sách, pháp luật mới ban hành\n- nhất là trong thanh niên.",
      ["Đẩy mạnh tuyên truyền về các chủ trương của Đảng, chính sách, pháp luật mới ban hành - nhất là trong thanh niên."],
    ],
    [
      "a year's heading after a finished item",
      "Giám sát việc rèn luyện đạo đức của đảng viên (Giao Uỷ ban Kiểm tra chủ trì, tham mưu trong quý IV/2029).\n* Năm 2030: (02 cuộc kiểm tra)",
      [
        "Giám sát việc rèn luyện đạo đức của đảng viên (Giao Uỷ ban Kiểm tra chủ trì, tham mưu trong quý IV/2029).",
        "Năm 2030: (02 cuộc kiểm tra)",
      ],
    ],
    [
      "a lettered item under a numbered unit heading as wide as the page",
      "11. Các sở, ban, ngành, Ủy ban nhân dân các xã và các cơ quan liên quan\na) Chủ trì xác định nhu cầu đào tạo.",
      ["11. Các sở, ban, ngành, Ủy ban nhân dân các xã và các cơ quan liên quan", "a) Chủ trì xác định nhu cầu đào tạo."],
    ],
    [
      "a number inside a wrapped sentence stays in it",
      "Kiểm tra, giám sát việc thực hiện các nhiệm vụ được giao tại điểm 1.2 và mục\n2. của Kế hoạch này",
      ["Kiểm tra, giám sát việc thực hiện các nhiệm vụ được giao tại điểm 1.2 và mục 2. của Kế hoạch này"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(paragraphs(text)).toEqual(expected);
  });
});

describe("unit names as written, task by task", () => {
  it("takes each task's spelling from its own assignment line, not the one above it", () => {
    const plan = extractPlan(
      [
        "CHƯƠNG TRÌNH",
        "Công tác năm 2026",
        "I. NỘI DUNG CỤ THỂ",
        "1. Nghị quyết về phát triển thương mại",
        "Đảng uỷ UBND xã tham mưu, trình trong tháng 3/2026.",
        "2. Nghị quyết về phát triển du lịch",
        "Đảng uỷUBND xã tham mưu, trình trong tháng 4/2026.",
      ].join("\n\n"),
    );
    expect(plan.tasks.map((t) => t.lead)).toEqual([["Đảng uỷ UBND xã"], ["Đảng uỷUBND xã"]]);
  });
});

describe("assignment lines: the unit's work named right after it", () => {
  it.each([
    ["Đảng uỷ UBND xã xây dựng báo cáo đánh giá kết quả thực hiện", ["Đảng uỷ UBND xã"]],
    ["Văn phòng Đảng uỷ, Ban Tổ chức phối hợp tham mưu chuẩn bị nội dung", ["Văn phòng Đảng uỷ", "Ban Tổ chức"]],
    // "tham mưu, giúp việc" names the bodies; "trình" is their work unless it ends "chương trình".
    ["Các cơ quan tham mưu, giúp việc Đảng uỷ phối hợp tham mưu.", ["Các cơ quan tham mưu, giúp việc Đảng uỷ"]],
    ["Các cơ quan tham mưu, giúp việc Đảng uỷ trình trong Quý IV/2030", ["Các cơ quan tham mưu, giúp việc Đảng uỷ"]],
    ["Ban Quản lý chương trình trình trong tháng 5/2026", ["Ban Quản lý chương trình"]],
  ])("%s", (line, lead) => {
    expect(readAssignment(line, true)?.lead).toEqual(lead);
  });

  it.each([
    // The work verb is not the subject's own: not an assignment line.
    "Ban Tổ chức là cơ quan thường trực, giúp Ban Chỉ đạo xây dựng kế hoạch",
    // After an opening clause, the sentence is the plan's general provision.
    "Trong quá trình tổ chức thực hiện, các cơ quan, đơn vị chủ động đề xuất sửa đổi, bổ sung",
  ])("none in: %s", (line) => {
    expect(readAssignment(line, true)).toBeNull();
  });
});

describe("meetingTime: work scheduled at a committee's meeting", () => {
  it.each([
    ["Tại Hội nghị tháng 12 hằng năm: Tổng kết công tác xây dựng Đảng", "Tại Hội nghị tháng 12 hằng năm"],
    ["Tại kỳ họp tháng 6/2026: Xem xét báo cáo", "Tại kỳ họp tháng 6/2026"],
    ["Tại Hội nghị: Thông qua quy chế", null],
    ["Tổ chức Hội nghị tháng 12 hằng năm: Tổng kết", null],
  ])("%s", (text, expected) => {
    expect(meetingTime(text)).toBe(expected);
  });
});

describe("a heading that introduces its bullets", () => {
  it("gives each bullet whose subject is a unit its own task, not the last one's unit to the heading", () => {
    const plan = extractPlan(
      [
        "KẾ HOẠCH",
        "Tổng kết công tác năm 2026",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Hình thức và thời gian:",
        "- Các chi bộ tổ chức đánh giá kết quả bằng hình thức phù hợp.",
        "- Ban Thường vụ chỉ đạo xây dựng báo cáo tổng kết trong tháng 11/2026.",
      ].join("\n\n"),
    );
    expect(plan.tasks.map((t) => [t.title.split(" ").slice(0, 3).join(" "), t.lead])).not.toContainEqual([
      "Hình thức và",
      ["Ban Thường vụ"],
    ]);
  });
});

describe('an inspection programme by year: items ending in "(Giao … chủ trì …)"', () => {
  const plan = extractPlan(
    [
      "CHƯƠNG TRÌNH",
      "Kiểm tra, giám sát toàn khóa",
      "III. NỘI DUNG KIỂM TRA, GIÁM SÁT",
      "* Năm 2026: (01 cuộc kiểm tra)",
      "- Về kiểm tra: 01 cuộc",
      "1. Kiểm tra việc thực hiện quy chế dân chủ ở các chi bộ trên địa bàn xã (Giao Ban Tổ chức chủ trì, tham mưu trong quý II/2026).",
      "* Năm 2027: (01 cuộc giám sát)",
      "- Về giám sát: 01 cuộc",
      "Giám sát việc thực hiện chế độ báo cáo định kỳ của các chi bộ (Giao cơ quan Uỷ ban Mặt trận Tổ quốc xã chủ trì, tham mưu trong quý IV/2027).",
      "* Năm 2028: (01 cuộc kiểm tra)",
      "1. Kiểm tra việc quản lý đảng viên đi làm ăn xa (Giao Uỷ ban Kiểm tra chủ trì, tham mưu trong quý I/2028).",
      "IV. TỔ CHỨC THỰC HIỆN",
    ].join("\n\n"),
  );
  const rows = plan.tasks.map((t) => [t.title.split(" ").slice(0, 4).join(" "), t.lead, t.deadline.due]);

  it("reads an item up to its own closing parenthesis, not the next year's heading after it", () => {
    expect(rows).toContainEqual(["Kiểm tra việc thực", ["Ban Tổ chức"], "2026-06-30"]);
  });

  it("reads the unnumbered item under a count label, led by the body's office", () => {
    expect(rows).toContainEqual(["Giám sát việc thực", ["cơ quan Uỷ ban Mặt trận Tổ quốc xã"], "2027-12-31"]);
  });

  it("after a year's heading, numbered items are that year's, not parts of the bullet above", () => {
    expect(rows).toContainEqual(["Kiểm tra việc quản", ["Uỷ ban Kiểm tra"], "2028-03-31"]);
    expect(plan.tasks).toHaveLength(3);
  });
});

describe("prose beside per-unit sections", () => {
  const plan = (items: string[]) =>
    extractPlan(["KẾ HOẠCH", "Tổ chức bầu cử năm 2026", "III. TỔ CHỨC THỰC HIỆN", ...items].join("\n\n"));
  const unit = (n: number, name: string) => [`${n}. ${name}:`, `- Chuẩn bị điều kiện tổ chức hội nghị quán triệt của ${name}.`];
  const leads = (items: string[]) => plan(items).tasks.map((t) => t.lead[0]);

  it("where the plan writes as many items as sentences as it has unit sections, each sentence is a task", () => {
    const items = [
      ...unit(1, "Đảng uỷ UBND xã"),
      "2. Hội đồng nhân dân xã chủ trì, phối hợp với Uỷ ban nhân dân xã dự kiến cơ cấu đại biểu.",
      "3. Uỷ ban Mặt trận Tổ quốc xã chủ trì tổ chức hiệp thương giới thiệu người ứng cử.",
      "4. Các chi bộ trực thuộc có trách nhiệm chỉ đạo làm tốt công tác bầu cử.",
      ...unit(5, "Ban Xây dựng Đảng"),
      ...unit(6, "Văn phòng Đảng uỷ"),
    ];
    expect(leads(items)).toEqual([
      "Đảng uỷ UBND xã",
      "Hội đồng nhân dân xã",
      "Uỷ ban Mặt trận Tổ quốc xã",
      "Các chi bộ trực thuộc",
      "Ban Xây dựng Đảng",
      "Văn phòng Đảng uỷ",
    ]);
  });

  it("where unit sections are most of the plan, a sentence among them only organises them: flagged, not a task", () => {
    const result = plan([
      ...unit(1, "Đảng uỷ UBND xã"),
      ...unit(2, "Ban Xây dựng Đảng"),
      ...unit(3, "Văn phòng Đảng uỷ"),
      ...unit(4, "Uỷ ban Kiểm tra Đảng uỷ"),
      "5. Các chi bộ trực thuộc có trách nhiệm chỉ đạo làm tốt công tác bầu cử.",
    ]);
    expect(result.tasks.map((t) => t.lead[0])).not.toContain("Các chi bộ trực thuộc");
    expect(result.warnings.some((w) => w.startsWith("Đoạn III.5 giao việc"))).toBe(true);
  });
});

describe("in a content part, an item whose subject is a unit", () => {
  const plan = extractPlan(
    [
      "KẾ HOẠCH",
      "Tổng kết công tác năm 2026",
      "II. NỘI DUNG, NHIỆM VỤ CHỦ YẾU",
      "1. Ban Thường vụ Đảng uỷ thành lập Tổ giúp việc để lãnh đạo công tác tổng kết.",
      "2. Các cấp uỷ, tổ chức đảng tập trung lãnh đạo, chỉ đạo công tác tổng kết.",
      "3. Tổ chức hội nghị tổng kết cấp xã.",
      "4. Nội dung báo cáo:",
      "- Cơ quan chủ trì: Văn phòng Đảng uỷ",
      "5. Các khóa bồi dưỡng được tổ chức hằng năm tại trung tâm chính trị.",
      "6. Ban hành các Nghị quyết chuyên đề của Ban Chấp hành.",
    ].join("\n\n"),
  );

  it("is a task when it names its own unit", () => {
    expect(plan.tasks.map((t) => [t.ref, t.lead])).toContainEqual(["II.1", ["Ban Thường vụ Đảng uỷ"]]);
  });

  it.each([
    ["every level of the party", "II.2"],
    ["no unit", "II.3"],
    ["a labelled field", "II.4.1"],
    ["courses, not a body", "II.5"],
    ['the verb "ban hành", not a board', "II.6"],
  ])("is not a task with %s", (_name, ref) => {
    expect(plan.tasks.map((t) => t.ref)).not.toContain(ref);
  });
});

describe("the front and its member organisations as one subject", () => {
  it.each([
    [
      "Uỷ ban MTTQ Việt Nam và các tổ chức chính trị - xã hội xã tăng cường tuyên truyền, vận động Nhân dân",
      ["Uỷ ban MTTQ Việt Nam và các tổ chức chính trị - xã hội xã"],
    ],
    [
      "Uỷ ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể chính trị xã chủ trì vận động",
      ["Uỷ ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể chính trị xã"],
    ],
  ])("%s", (sentence, lead) => {
    expect(readAssignment(sentence)?.lead).toEqual(lead);
  });
});

describe("a unit section whose heading lists several bodies", () => {
  const plan = extractPlan(
    [
      "KẾ HOẠCH",
      "Chuyển đổi số năm 2026",
      "IV. TỔ CHỨC THỰC HIỆN",
      "1. Đảng uỷ UBND xã:",
      "- Chỉ đạo bố trí kinh phí thực hiện Kế hoạch.",
      "2. Các cơ quan tham mưu, giúp việc Đảng uỷ, Uỷban Mặt trận Tổ quốc Việt Nam xã và các cấp uỷ, tổ chức Đảng trực thuộc:",
      "- Tổ chức khai thác, sử dụng hiệu quả các hệ thống thông tin dùng chung.",
      "3. Văn phòng Đảng uỷ:",
      "- Theo dõi việc thực hiện Kế hoạch; phối hợp với Uỷ ban Mặt trận Tổ quốc Việt Nam xã tổng hợp kết quả.",
    ].join("\n\n"),
  );

  it("gives its bullets all the bodies it names, spelt as its heading spells them", () => {
    const task = plan.tasks.find((t) => t.title.startsWith("Tổ chức khai thác"));
    expect(task?.lead).toEqual([
      "Các cơ quan tham mưu, giúp việc Đảng uỷ",
      "Uỷban Mặt trận Tổ quốc Việt Nam xã",
      "các cấp uỷ, tổ chức Đảng trực thuộc",
    ]);
  });
});

describe("unit names as written: the task found by its own words", () => {
  it("tells apart two tasks that open alike, each keeping the spelling of its own fields", () => {
    const plan = extractPlan(
      [
        "KẾ HOẠCH",
        "Chuyển đổi số năm 2026",
        "III. NHIỆM VỤ CỤ THỂ",
        "1. Phối hợp các cơ quan có liên quan cung cấp thông tin xây dựng kho dữ liệu.",
        "- Cơ quan chủ trì: Uỷban Mặt trận Tổ quốc xã.",
        "- Thời gian hoàn thành: Quý II/2026.",
        "2. Phối hợp các cơ quan có liên quan triển khai các giải pháp số hoá quy trình nghiệp vụ.",
        "- Cơ quan chủ trì: Uỷ ban Mặt trận Tổ quốc xã.",
        "- Thời gian hoàn thành: Thường xuyên.",
      ].join("\n\n"),
    );
    expect(plan.tasks.map((t) => t.lead)).toEqual([["Uỷban Mặt trận Tổ quốc xã"], ["Uỷ ban Mặt trận Tổ quốc xã"]]);
  });
});
