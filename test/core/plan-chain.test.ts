import { describe, expect, it } from "vitest";
import { canManagePlan, canReadPlanInChain, type Actor } from "../../core/access/policy";
import type { Role } from "../../core/access/roles";
import {
  assignmentsToLink,
  childPlanNote,
  handedDownPlan,
  implementedNumbers,
  implementsNumber,
  implementsPlan,
  isPlanningTask,
  matchParent,
  planNumberKey,
  wouldMakeCycle,
  type ParentCandidate,
} from "../../core/plan-chain";

describe("isPlanningTask", () => {
  const cases: [string, boolean][] = [
    ["Xây dựng kế hoạch thực hiện Kế hoạch này", true],
    ["Căn cứ nội dung trên, xây dựng kế hoạch triển khai thực hiện phù hợp với địa phương", true],
    ["Ban hành kế hoạch thực hiện (hoàn thành trong tháng 6)", true],
    ["Xây dựng, ban hành Kế hoạch triển khai tại đơn vị", true],
    ["Cụ thể hóa bằng kế hoạch của cấp ủy", true],
    ["Lãnh đạo, chỉ đạo cụ thể hoá, xây dựng kế hoạch triển khai thực hiện có hiệu quả", true],
    ["Xây dựng chương trình hành động của đảng bộ", true],
    ["Tuyên truyền, vận động hội viên (xây dựng kế hoạch thực hiện trong quý II và thực hiện thường xuyên)", true],
    ["Các chi bộ trực thuộc xây dựng kế hoạch cụ thể để thực hiện", true],
    ["Xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ trẻ", false],
    ["Ban hành Kế hoạch phát triển hạ tầng số", false],
    ["Xây dựng chương trình đào tạo kỹ năng số cho thanh niên", false],
    ["Tổ chức hội nghị quán triệt nghị quyết", false],
    ["Thực hiện theo kế hoạch", false],
    ["XÂY DỰNG KẾ HOẠCH THỰC HIỆN", true],
  ];
  it.each(cases)("%s → %s", (title, expected) => {
    expect(isPlanningTask(title)).toBe(expected);
  });
});

describe("implementsNumber", () => {
  const cases: [string, string | null][] = [
    ["Thực hiện Kế hoạch số 12 -KH/TU ngày 3/4/2024 của Ban Thường vụ Tỉnh ủy", "12-kh/tu"],
    ["Kế hoạch số 7-KH/ĐU ngày 1/2/2025", "7-kh/du"],
    ["Chương trình số 30-CTr/HU", "30-ctr/hu"],
    ["Thực hiện Chương trình hành động số 5/CTr-UBND ngày 2/3/2025", "5/ctr-ubnd"],
    ["Nghị quyết của Ban Chấp hành", null],
    ["", null],
  ];
  it.each(cases)("%s → %s", (text, expected) => {
    expect(implementsNumber(text)).toBe(expected);
  });

  it("matches a plan's own number whatever its spacing and case", () => {
    expect(implementsNumber("Kế hoạch số 12-KH/TU")).toBe(planNumberKey("12 - KH/TU"));
  });
});

describe("implementedNumbers", () => {
  it("reads every document named in the preamble's «Thực hiện» paragraph, wrapped or glued", () => {
    const text = [
      "ĐẢNG ỦY XÃ MẪU",
      "KẾ HOẠCH",
      "triển khai công tác năm",
      "",
      "Thực hiện Chỉ thịsố 3-CT/TW, ngày 1/2/2026 của Ban Bí thư; Kế hoạch số",
      "12 - KH/HU ngày 3/4/2026 của Ban Thường vụ Huyện ủy, Ban Thường vụ Đảng ủy ban hành Kế hoạch như sau:",
      "",
      "I. MỤC ĐÍCH",
      "Tổ chức theo Kế hoạch số 99-KH/HU.",
    ].join("\n");
    expect(implementedNumbers(text)).toEqual(["3-ct/tw", "12-kh/hu"]);
    expect(implementedNumbers("KẾ HOẠCH\nvề công tác năm\n\nI. NỘI DUNG")).toEqual([]);
  });
});

describe("implementsPlan", () => {
  const cases: [string, string | null, boolean][] = [
    ["Kế hoạch số 45-KH/HU ngày 1/2/2024", "45-KH/HU", true],
    ["Kế hoạch số 145-KH/HU", "45-KH/HU", false],
    ["Kế hoạch số 45 - kh/hu", "45-KH/HU", true],
    ["Kế hoạch số 45-KH/HU", null, false],
  ];
  it.each(cases)("%s names %s: %s", (text, number, expected) => {
    expect(implementsPlan(text, number)).toBe(expected);
  });
});

describe("wouldMakeCycle", () => {
  const cases: [number, number[], boolean][] = [
    [5, [4, 3, 1], false],
    [5, [5], true],
    [1, [4, 3, 1], true],
    [2, [], false],
  ];
  it.each(cases)("child %i under [%s] → %s", (child, ancestors, expected) => {
    expect(wouldMakeCycle(child, ancestors)).toBe(expected);
  });
});

describe("childPlanNote", () => {
  it("names the child plan by number and date, else by title", () => {
    expect(childPlanNote({ number: "7-KH/ĐU", issuedOn: "2025-02-01", title: "Kế hoạch X" })).toContain(
      "Kế hoạch số 7-KH/ĐU ngày 01/02/2025",
    );
    expect(childPlanNote({ number: null, issuedOn: null, title: "Kế hoạch của chi bộ" })).toContain("Kế hoạch của chi bộ");
  });
});

describe("canReadPlanInChain", () => {
  // Units: 1 the province, 2 its office; 10 a commune, 11 its office; 20 a sibling commune, 21 its office; 30 a party cell.
  const province = { issuerUnitId: 1, monitorUnitId: 2 };
  const commune = { issuerUnitId: 10, monitorUnitId: 11 };
  const cell = { issuerUnitId: 30, monitorUnitId: 30 };
  const as = (role: Role, unitId: number): Actor => ({ role, unitId });
  const cases: [string, Actor, boolean, boolean][] = [
    // who, actor, reads the cell's plan (chain: commune, province), manages it
    ["the cell's own admin", as("admin", 30), true, true],
    ["the commune office's admin", as("admin", 11), true, false],
    ["the province office's admin", as("admin", 2), true, false],
    ["a viewer of the province", as("viewer", 1), true, false],
    ["the sibling commune office's admin", as("admin", 21), false, false],
    ["a member of the commune office", as("member", 11), false, false],
  ];
  it.each(cases)("%s", (_, actor, reads, manages) => {
    expect(canReadPlanInChain(actor, cell, [commune, province])).toBe(reads);
    expect(canManagePlan(actor, cell)).toBe(manages);
  });

  it("reads nothing below: the cell's admin does not read the commune's plan", () => {
    expect(canReadPlanInChain(as("admin", 30), commune, [province])).toBe(false);
  });
});

describe("matchParent and assignmentsToLink", () => {
  const candidate = (
    planId: number,
    number: string | null,
    issuerDepth: number,
    assignments: ParentCandidate["assignments"] = [],
  ) => ({
    planId,
    number,
    title: `Kế hoạch ${planId}`,
    issuedOn: null,
    issuerName: "Cấp trên",
    issuerDepth,
    assignments,
    implemented: false,
  });

  it("finds a plan named later in the preamble than the header's first document", () => {
    const candidates = [candidate(1, "12-KH/HU", 1)];
    expect(matchParent(candidates, "Nghị quyết số 3-NQ/TW", ["3-nq/tw", "12-kh/hu"])?.planId).toBe(1);
  });

  it("finds the plan the header names among plans issued above, the nearest and newest first", () => {
    const candidates = [
      candidate(1, "12-KH/TU", 2),
      candidate(2, "12-KH/TU", 1),
      candidate(3, "12-KH/TU", 0),
      candidate(4, "5-KH/TU", 1),
    ];
    expect(matchParent(candidates, "Kế hoạch số 12 - KH/TU ngày 1/2/2026")?.planId).toBe(2);
    expect(matchParent(candidates, "Kế hoạch số 99-KH/TU")).toBeNull();
    expect(matchParent(candidates, null)).toBeNull();
  });

  it("links the nearest unit's planning tasks, or all its tasks when it has none", () => {
    const planning = { title: "Xây dựng kế hoạch thực hiện", deadlineText: null };
    const ordinary = { title: "Tổ chức hội nghị", deadlineText: "quý II" };
    const both = candidate(1, null, 1, [
      { id: 10, unitDepth: 0, ...ordinary },
      { id: 11, unitDepth: 0, ...planning },
      { id: 12, unitDepth: 1, ...planning },
    ]);
    expect(assignmentsToLink(both)).toEqual([11]);
    const onlyOrdinary = candidate(1, null, 1, [
      { id: 20, unitDepth: 1, ...ordinary },
      { id: 21, unitDepth: 1, title: "Tuyên truyền", deadlineText: null },
    ]);
    expect(assignmentsToLink(onlyOrdinary)).toEqual([20, 21]);
    // The planning step in the deadline's bracket counts.
    const inBracket = candidate(1, null, 1, [
      { id: 30, unitDepth: 0, title: "Giám sát việc thực hiện", deadlineText: "xây dựng kế hoạch thực hiện trong quý II" },
      { id: 31, unitDepth: 0, ...ordinary },
    ]);
    expect(assignmentsToLink(inBracket)).toEqual([30]);
  });
});

describe("handedDownPlan", () => {
  it("makes the parent's tasks the unit's own, deadlines as written, naming the parent", () => {
    const plan = handedDownPlan({ number: "10-KH/TU", issuedOn: "2026-01-05", title: "Kế hoạch tỉnh" }, "Đảng ủy xã Đông", [
      { ref: "II.3", title: "Xây dựng kế hoạch thực hiện", deadlineText: "quý II/2026" },
    ]);
    expect(plan.header.implements).toBe("Kế hoạch số 10-KH/TU ngày 05/01/2026");
    expect(implementsNumber(plan.header.implements!)).toBe("10-kh/tu");
    expect(plan.tasks).toEqual([
      expect.objectContaining({
        ref: "II.3",
        lead: ["Đảng ủy xã Đông"],
        deadline_text: "quý II/2026",
        deadline: expect.objectContaining({ due: "2026-06-30" }),
      }),
    ]);
  });
});
