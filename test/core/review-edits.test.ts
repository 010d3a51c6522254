import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../core/deadline/parse";
import { taskFlags } from "../../core/plan-import/flags";
import { initialChoices, reviewedTask, setDeadline, toggleDropped, type ReviewPlan } from "../../core/plan-import/review";
import { addTasks, renameTask, splitTask } from "../../core/plan-import/review-edits";
import { parseTypedTasks, typedTitles } from "../../core/plan-import/typed-tasks";

const scope = [
  { id: 1, name: "Sở Nội vụ", isGroup: false, memberIds: [] },
  { id: 2, name: "Sở Tài chính", isGroup: false, memberIds: [] },
];

const plan: ReviewPlan = {
  header: { issuer: null, number: null, issued_on: null, implements: null, title: "Kế hoạch thử" },
  targets: [],
  units: ["Sở Nội vụ"],
  tasks: [
    {
      ref: "1",
      title: "Rà soát quy chế làm việc của cơ quan",
      lead: ["Sở Nội vụ"],
      coop: [],
      deadline_text: "quý II/2026",
      deadline: parseDeadline("quý II/2026"),
      section: null,
    },
    {
      ref: "2",
      title: "Tổng kết và báo cáo kết quả thực hiện",
      lead: ["Sở Nội vụ"],
      coop: [],
      deadline_text: null,
      deadline: parseDeadline(""),
      section: null,
    },
  ],
  warnings: [],
};
const choices = initialChoices(plan, scope, { unitId: 1, issuerIds: [1, 1] });

describe("typed tasks", () => {
  it("reads `title | lead | co-operating | deadline`, only the title required, list markers dropped", () => {
    const read = parseTypedTasks(
      "1. Rà soát quy chế | Sở Nội vụ | Sở Tài chính, Sở Tư pháp | quý II/2026\n\n- Tập huấn cán bộ\na) Báo cáo | | | 30/6/2026",
    );
    expect(read).toEqual({
      ok: true,
      tasks: [
        { title: "Rà soát quy chế", lead: ["Sở Nội vụ"], coop: ["Sở Tài chính", "Sở Tư pháp"], deadlineText: "quý II/2026" },
        { title: "Tập huấn cán bộ", lead: [], coop: [], deadlineText: null },
        { title: "Báo cáo", lead: [], coop: [], deadlineText: "30/6/2026" },
      ],
    });
  });

  it("keeps a unit name with commas whole and refuses an empty message", () => {
    const read = parseTypedTasks("Tổ chức hội nghị | Sở Văn hóa, Thể thao và Du lịch");
    expect(read.ok && read.tasks[0]!.lead).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
    expect(parseTypedTasks(" \n- \n")).toEqual({ ok: false, reason: "empty" });
  });

  it("splits titles one a line", () => {
    expect(typedTitles("1. A\n- B\n\n+ C\n1.2. D")).toEqual(["A", "B", "C", "D"]);
  });
});

describe("review edits", () => {
  it("adds tasks; a known unit is matched, an unknown one becomes new", () => {
    const read = parseTypedTasks("Kiểm tra cơ sở | Sở Tài chính | Sở Nội vụ; Ban Dân tộc | 31/12/2026");
    const edited = addTasks({ plan, choices }, scope, read.ok ? read.tasks : []);
    expect(edited.plan.tasks[2]).toMatchObject({
      ref: "BS1",
      lead: ["Sở Tài chính"],
      coop: ["Sở Nội vụ", "Ban Dân tộc"],
      deadline_text: "31/12/2026",
    });
    expect(edited.plan.tasks[2]!.deadline.due).toBe("2026-12-31");
    expect(edited.plan.units).toEqual(["Sở Nội vụ", "Sở Tài chính", "Ban Dân tộc"]);
    expect(edited.choices.units).toEqual([
      { kind: "existing", unitId: 1 },
      { kind: "existing", unitId: 2 },
      { kind: "new", isGroup: false },
    ]);
    const again = addTasks(edited, scope, [{ title: "Một việc khác nữa", lead: [], coop: [], deadlineText: null }]);
    expect(again.plan.tasks[3]!.ref).toBe("BS2");
  });

  it("renames a task, ignoring an empty title", () => {
    expect(renameTask({ plan, choices }, 1, "  Báo cáo  tổng kết ").plan.tasks[1]!.title).toBe("Báo cáo tổng kết");
    expect(renameTask({ plan, choices }, 1, " ").plan.tasks[1]!.title).toBe(plan.tasks[1]!.title);
  });

  it("splits a task in place, copying units and deadline, and moves the choices' indexes", () => {
    let c = setDeadline(choices, 0, "30/6/2026", parseDeadline("30/6/2026"));
    c = toggleDropped(c, 1);
    const split = splitTask({ plan, choices: c }, 0, ["Rà soát quy chế", "Ban hành quy chế mới"]);
    expect(split.plan.tasks.map((t) => [t.ref, t.title, t.lead])).toEqual([
      ["1.a", "Rà soát quy chế", ["Sở Nội vụ"]],
      ["1.b", "Ban hành quy chế mới", ["Sở Nội vụ"]],
      ["2", "Tổng kết và báo cáo kết quả thực hiện", ["Sở Nội vụ"]],
    ]);
    expect(Object.keys(split.choices.deadlines)).toEqual(["0", "1"]);
    expect(split.choices.dropped).toEqual([2]);
  });
});

describe("flags", () => {
  it("say why a task needs a look, and go once fixed", () => {
    const odd: ReviewPlan = {
      ...plan,
      units: ["Sở Nội vụ", "Ban Dân tộc"],
      tasks: [
        {
          ...plan.tasks[0]!,
          title: "Tập huấn",
          lead: [],
          deadline_text: "sớm nhất có thể",
          deadline: parseDeadline("sớm nhất có thể"),
        },
        { ...plan.tasks[0]!, title: "x".repeat(700), lead: ["Ban Dân tộc"] },
        plan.tasks[0]!,
      ],
    };
    const c = initialChoices(odd, scope, { unitId: 1, issuerIds: [1, 1] });
    expect(taskFlags(reviewedTask(odd, c, 0))).toEqual(["no_lead", "deadline_unread", "title_short"]);
    expect(taskFlags(reviewedTask(odd, c, 1))).toEqual(["lead_unknown", "title_long"]);
    expect(taskFlags(reviewedTask(odd, c, 2))).toEqual([]);
  });
});
