import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../core/deadline/parse";
import type { Deadline } from "../../core/deadline/types";
import { extractionJson } from "../../core/plan-import/dry-run";
import { extractPlan } from "../../core/plan-import/extract";
import { planRows, planTitle } from "../../core/plan-import/plan-rows";
import { initialChoices, setDeadline, summarize, type ReviewPlan, type ScopeUnit } from "../../core/plan-import/review";
import { readPlanFile } from "../../core/plan-import/source-file";
import { sourceHash } from "../../core/plan-import/source-hash";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";

const none: Deadline = { kind: "none", due: null, start: null, recurrence: null, dayOfMonth: null, note: null };

function plan(tasks: { ref: string; lead: string[]; coop?: string[] }[]): ReviewPlan {
  const names = [...new Set(tasks.flatMap((t) => [...t.lead, ...(t.coop ?? [])]))];
  return {
    header: {
      issuer: "Ủy ban nhân dân tỉnh",
      number: "1/KH-UBND",
      issued_on: "2025-01-02",
      implements: null,
      title: "Kế hoạch thử",
    },
    targets: [],
    units: names,
    tasks: tasks.map((t) => ({
      ref: t.ref,
      title: `Việc ${t.ref}`,
      lead: t.lead,
      coop: t.coop ?? [],
      deadline_text: null,
      deadline: none,
      section: null,
    })),
    warnings: [],
  };
}

const scope: ScopeUnit[] = [
  { id: 1, name: "UBND tỉnh", isGroup: false, memberIds: [], lineage: [1] },
  { id: 2, name: "Sở Nội vụ", isGroup: false, memberIds: [], lineage: [2, 1] },
  { id: 3, name: "Sở Tài chính", isGroup: false, memberIds: [], lineage: [3, 1] },
  { id: 4, name: "Các sở, ban, ngành", isGroup: true, memberIds: [2, 3], lineage: [4, 1] },
  { id: 5, name: "UBND các xã, phường", isGroup: true, memberIds: [], lineage: [5, 1] },
];
const context = { sourceHash: "sha256:x", scope, fileName: "kh.docx" };

describe("planRows", () => {
  it("matches units, takes the issuer from the header, and writes one assignment per unit: lead over coop, direct over group", () => {
    const p = plan([
      { ref: "1", lead: ["Sở Nội vụ"], coop: ["Sở Nội vụ", "Sở Tài chính"] },
      { ref: "2", lead: ["Các sở, ban, ngành"], coop: ["Sở Tài chính"] },
      { ref: "3", lead: ["UBND các xã, phường", "Sở Xây dựng"], coop: ["các tổ chức, cá nhân có liên quan"] },
    ]);
    const choices = initialChoices(p, scope, { unitId: 2, issuerIds: [1, 2] });
    expect(choices.issuerUnitId).toBe(1);
    const rows = planRows(p, choices, context);
    const of = (order: number) =>
      rows.assignments
        .filter((a) => a.taskOrder === order)
        .map(({ unitId, unitKey, role, viaGroupId }) => [unitId ?? unitKey, role, viaGroupId]);
    expect(of(0)).toEqual([
      [2, "lead", null],
      [3, "coop", null],
    ]);
    // Sở Tài chính is in the leading group and named to co-operate: it leads, through the group.
    expect(of(1)).toEqual([
      [2, "lead", 4],
      [3, "lead", 4],
    ]);
    expect(of(2)).toEqual([
      [5, "lead", null],
      ["so xay dung", "lead", null],
      ["cac to chuc ca nhan lien quan", "coop", null],
    ]);
    expect(rows.newUnits).toEqual([
      { name: "Sở Xây dựng", key: "so xay dung", isGroup: false },
      { name: "các tổ chức, cá nhân có liên quan", key: "cac to chuc ca nhan lien quan", isGroup: true },
    ]);
    expect(rows.groupsWithoutMembers).toEqual(["UBND các xã, phường", "các tổ chức, cá nhân có liên quan"]);
    expect(summarize(p, choices, scope)).toMatchObject({
      tasks: 3,
      existingUnits: 4,
      newUnits: ["Sở Xây dựng", "các tổ chức, cá nhân có liên quan"],
    });
  });

  it("uses the deadline the admin typed, keeping it as written", () => {
    const p = plan([{ ref: "1", lead: ["Sở Nội vụ"] }]);
    const due: Deadline = { ...none, kind: "quarter", due: "2025-09-30" };
    const rows = planRows(
      p,
      setDeadline(initialChoices(p, scope, { unitId: 2, issuerIds: [1, 2] }), 0, "quý III/2025", due),
      context,
    );
    expect(rows.tasks[0]).toMatchObject({ deadlineText: "quý III/2025", deadlineKind: "quarter", dueOn: "2025-09-30" });
  });

  it("saves a periodic duty whose cadence the plan does not write as followed with check-ins", () => {
    const p = plan([{ ref: "1", lead: ["Sở Nội vụ"] }]);
    const choices = initialChoices(p, scope, { unitId: 2, issuerIds: [1, 2] });
    const saved = (text: string) => planRows(p, setDeadline(choices, 0, text, parseDeadline(text)), context).tasks[0]!;
    expect(saved("định kỳ sơ kết, báo cáo")).toMatchObject({ deadlineKind: "recurring", recurrence: "ongoing", dueOn: null });
    expect(saved("Từ quý II/2027")).toMatchObject({ recurrence: "ongoing", startsOn: "2027-04-01", dueOn: null });
    expect(saved("quý II/2027")).toMatchObject({ recurrence: null, dueOn: "2027-06-30" });
  });

  it("titles the plan from its header, its number or its file", () => {
    const p = plan([]);
    expect(planTitle({ ...p, header: { ...p.header, title: "thực hiện Nghị quyết 45" } }, null)).toBe(
      "Kế hoạch thực hiện Nghị quyết 45",
    );
    expect(planTitle({ ...p, header: { ...p.header, title: "PHÁT TRIỂN KINH TẾ SỐ" } }, null)).toBe("PHÁT TRIỂN KINH TẾ SỐ");
    expect(planTitle({ ...p, header: { ...p.header, title: null } }, null)).toBe("Kế hoạch số 1/KH-UBND");
    expect(planTitle({ ...p, header: { ...p.header, title: null, number: null } }, "kh.docx")).toBe("Kế hoạch từ tệp kh.docx");
  });
});

describe("reading a plan file and naming it", () => {
  it("decodes UTF-8 with a BOM and UTF-16, and normalises to NFC", async () => {
    const decomposed = "Ke\u0302\u0301 hoa\u0323ch";
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(decomposed)]);
    expect(await readPlanFile({ name: "a.txt", mime: null, size: null }, utf8)).toEqual({
      ok: true,
      kind: "text",
      text: "Kế hoạch",
    });
    const utf16 = new Uint8Array(2 + "Kế hoạch".length * 2);
    utf16.set([0xff, 0xfe]);
    [..."Kế hoạch"].forEach((ch, i) => {
      new DataView(utf16.buffer).setUint16(2 + i * 2, ch.charCodeAt(0), true);
    });
    expect(await readPlanFile({ name: "a.txt", mime: null, size: null }, utf16)).toMatchObject({ ok: true, text: "Kế hoạch" });
  });

  it("hashes the text, not its wrapping or emphasis", async () => {
    const a = await sourceHash("**KẾ HOẠCH**\nthực hiện\nNghị quyết 45");
    expect(await sourceHash("KẾ HOẠCH thực hiện   Nghị quyết 45\n")).toBe(a);
    expect(await sourceHash("KẾ HOẠCH thực hiện Nghị quyết 46")).not.toBe(a);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("gives the dry-run JSON exactly the issue's shape", () => {
    const json = extractionJson(extractPlan(yenDung));
    expect(Object.keys(json)).toEqual(["header", "targets", "units", "tasks"]);
    expect(Object.keys(json.header)).toEqual(["issuer", "number", "issued_on", "implements", "title"]);
    expect(Object.keys(json.targets[0]!)).toEqual(["text", "value", "comparator", "unit", "by_year"]);
    expect(json.tasks[4]).toEqual({
      ref: "IV.3",
      title: expect.any(String),
      lead: ["Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện"],
      coop: [],
      deadline_text: expect.stringContaining("quý II/2024"),
      deadline: { kind: "quarter", due: "2024-06-30", recurrence: "ongoing" },
    });
  });
});
