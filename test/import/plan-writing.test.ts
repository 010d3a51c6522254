import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import nq57 from "../../../shared/plans/nq57-chuong-trinh-hanh-dong-phu-luc-II.md?raw";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";
import { extractPlan } from "../../core/plan-import/extract";
import { planRows } from "../../core/plan-import/plan-rows";
import { chooseUnit, initialChoices, toggleDropped, unitIndex } from "../../core/plan-import/review";
import { sourceHash } from "../../core/plan-import/source-hash";
import { importScope, writeImportedPlan } from "../../db/queries/plan-import";
import { unitGroupMembers, units } from "../../db/schema";
import { createDb } from "../../db/client";
import { designateOffice, makeMember, makeUnit, testDb } from "../support/fixtures";

const count = async (query: string, ...params: unknown[]) =>
  (await env.DB.prepare(query)
    .bind(...params)
    .first<{ n: number }>())!.n;

/** A district committee like the reference plan's, with one group whose members are known. */
async function committee() {
  const tag = crypto.randomUUID().slice(0, 6);
  const root = await makeUnit(`Huyện ủy Yên Dũng ${tag}`);
  const monitor = await makeUnit("Ban Tổ chức Huyện ủy", root);
  await designateOffice(root, monitor);
  const issuer = await makeUnit("Ban Thường vụ Huyện ủy", root);
  const ubnd = await makeUnit("UBND huyện", root);
  const communes = [
    await makeUnit("Đảng ủy xã Tiến Dũng", root),
    await makeUnit("Đảng ủy xã Cảnh Thụy", root),
    await makeUnit("Chi bộ Phòng Giáo dục", root),
  ];
  const db = testDb();
  const [group] = await db
    .insert(units)
    .values({
      name: "Các Đảng ủy, chi bộ trực thuộc Huyện ủy",
      nameKey: "cac dang uy chi bo truc thuoc huyen uy",
      parentId: root,
      isGroup: true,
    })
    .returning({ id: units.id });
  await db.insert(unitGroupMembers).values(communes.map((unitId) => ({ groupId: group!.id, unitId })));
  const admin = await makeMember(monitor, "admin", "Quản trị");
  return { root, monitor, issuer, ubnd, communes, group: group!.id, admin };
}

/** The D1 binding with the size of each batch recorded: D1 on the free plan allows 50 queries an invocation. */
const batchSizes: number[] = [];
const countingD1 = new Proxy(env.DB, {
  get(target, property) {
    if (property === "batch")
      return (statements: D1PreparedStatement[]) => {
        batchSizes.push(statements.length);
        return target.batch(statements);
      };
    const value = Reflect.get(target, property);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

async function importDocument(
  text: string,
  c: Awaited<ReturnType<typeof committee>>,
  edit = (x: ReturnType<typeof initialChoices>) => x,
) {
  const db = createDb(countingD1);
  const plan = extractPlan(text);
  const scope = await importScope(db, c.monitor);
  const choices = edit(initialChoices(plan, scope.units, { unitId: c.monitor, issuerIds: scope.issuers.map((i) => i.unitId) }));
  // Each test imports its own copy: the hash is what makes a document "the same".
  const hash = `${await sourceHash(text)}:${c.root}`;
  const rows = planRows(plan, choices, {
    sourceHash: hash,
    scope: scope.units,
    fileName: "ke-hoach.txt",
  });
  const result = await writeImportedPlan(db, rows, { memberId: c.admin.memberId, draftId: null, detail: { test: true } });
  return { plan, rows, result, hash, scope };
}

describe("writing an imported plan", () => {
  it("writes the reference plan: plan, targets, tasks, assignments, new units, a group expanded, an audit entry", async () => {
    const c = await committee();
    const { result, rows } = await importDocument(yenDung, c);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const planId = result.planId;

    const plan = await env.DB.prepare("select * from plans where id = ?").bind(planId).first<Record<string, unknown>>();
    // The header's Ban Thường vụ signs for the committee, which designated the Ban Tổ chức: the committee issues.
    expect(plan).toMatchObject({
      issuer_unit_id: c.root,
      monitor_unit_id: c.monitor,
      implements_text: "Nghị quyết số 45-NQ/TW ngày 24/11/2023",
    });
    expect(plan!.title).toMatch(/^Kế hoạch thực hiện Nghị quyết số 45-NQ\/TW/);
    expect(await count("select count(*) n from targets where plan_id = ?", planId)).toBe(2);
    expect(await count("select count(*) n from tasks where plan_id = ?", planId)).toBe(11);

    // HĐND huyện, Mặt trận (a group nobody defined), Ban Tuyên giáo are new; UBND, Ban Tổ chức and the group exist.
    const created = await env.DB.prepare("select name, is_group from units where parent_id = ? and id > ? order by name")
      .bind(c.root, c.group)
      .all<{ name: string; is_group: number }>();
    expect(created.results).toEqual([
      { name: "Ban Tuyên giáo Huyện ủy", is_group: 0 },
      { name: "Hội đồng nhân dân huyện", is_group: 0 },
      { name: "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện", is_group: 1 },
    ]);
    expect(rows.groupsWithoutMembers).toEqual(["Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện"]);

    // IV.6.x go to the group: one assignment per member unit, through the group.
    const viaGroup = await env.DB.prepare(
      "select t.ref, a.unit_id, a.via_group_id from assignments a join tasks t on t.id = a.task_id where t.plan_id = ? and t.ref like 'IV.6.%' order by t.ref, a.unit_id",
    )
      .bind(planId)
      .all<{ ref: string; unit_id: number; via_group_id: number }>();
    expect(viaGroup.results).toHaveLength(6);
    expect(new Set(viaGroup.results.map((r) => r.unit_id))).toEqual(new Set(c.communes));
    expect(viaGroup.results.every((r) => r.via_group_id === c.group)).toBe(true);
    // 9 tasks with one lead each + 2 tasks × 3 members.
    expect(await count("select count(*) n from assignments a join tasks t on t.id = a.task_id where t.plan_id = ?", planId)).toBe(
      15,
    );
    expect(
      await count(
        "select count(*) n from assignments a join tasks t on t.id = a.task_id where t.plan_id = ? and a.unit_id = ?",
        planId,
        c.ubnd,
      ),
    ).toBe(3);

    const task = await env.DB.prepare("select * from tasks where plan_id = ? and ref = 'IV.3'")
      .bind(planId)
      .first<Record<string, unknown>>();
    expect(task).toMatchObject({
      deadline_kind: "quarter",
      due_on: "2024-06-30",
      recurrence: "ongoing",
      deadline_text: expect.stringContaining("quý II/2024"),
    });
    const audit = await env.DB.prepare("select actor_member_id, action from audit_log where entity = 'plan' and entity_id = ?")
      .bind(planId)
      .first();
    expect(audit).toEqual({ actor_member_id: c.admin.memberId, action: "plan.import" });
  });

  it("refuses the same document a second time and writes nothing", async () => {
    const c = await committee();
    const first = await importDocument(yenDung, c);
    expect(first.result.ok).toBe(true);
    const before = await count("select count(*) n from units");
    const tasksBefore = await count("select count(*) n from tasks");
    const second = await importDocument(yenDung, c, (x) => ({ ...x }));
    expect(second.result).toEqual({ ok: false, reason: "duplicate" });
    expect(await count("select count(*) n from units")).toBe(before);
    expect(await count("select count(*) n from tasks")).toBe(tasksBefore);
  });

  it("leaves out dropped tasks and skipped units, and uses the unit the admin chose", async () => {
    const c = await committee();
    const { result, plan } = await importDocument(yenDung, c, (choices) => {
      const p = extractPlan(yenDung);
      let next = toggleDropped(
        choices,
        p.tasks.findIndex((t) => t.ref === "IV.1"),
      );
      next = chooseUnit(next, unitIndex(p, "Ban Tuyên giáo Huyện ủy"), { kind: "existing", unitId: c.issuer });
      return chooseUnit(next, unitIndex(p, "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện"), { kind: "skip" });
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(plan.tasks).toHaveLength(11);
    expect(await count("select count(*) n from tasks where plan_id = ?", result.planId)).toBe(10);
    const refs = (
      await env.DB.prepare("select ref from tasks where plan_id = ? order by sort_order")
        .bind(result.planId)
        .all<{ ref: string }>()
    ).results;
    expect(refs[0]!.ref).toBe("IV.2.1");
    expect(
      await count(
        "select count(*) n from assignments a join tasks t on t.id = a.task_id where t.plan_id = ? and t.ref like 'IV.5.%' and a.unit_id = ?",
        result.planId,
        c.issuer,
      ),
    ).toBe(2);
    expect(
      await count(
        "select count(*) n from assignments a join tasks t on t.id = a.task_id where t.plan_id = ? and t.ref = 'IV.3'",
        result.planId,
      ),
    ).toBe(0);
    expect(await count("select count(*) n from units where parent_id = ? and name like 'Mặt trận%'", c.root)).toBe(0);
  });

  it("writes a 140-task appendix table in a handful of statements", async () => {
    const c = await committee();
    const { result, rows } = await importDocument(nq57, c);
    expect(result.ok).toBe(true);
    // New units, plan, tasks, assignments, audit: one statement each, every row bound as one JSON parameter.
    expect(batchSizes.at(-1)).toBe(5);
    if (!result.ok) return;
    expect(await count("select count(*) n from tasks where plan_id = ?", result.planId)).toBe(140);
    expect(
      await count("select count(*) n from assignments a join tasks t on t.id = a.task_id where t.plan_id = ?", result.planId),
    ).toBe(rows.assignments.length);
    expect(rows.assignments.length).toBeGreaterThan(140);
    // Every unit the plan names now exists under the committee, once.
    expect(await count("select count(*) n from units where parent_id = ?", c.root)).toBe(6 + 1 + rows.newUnits.length);
    const task = await env.DB.prepare(
      "select ref, deadline_text, deadline_kind, due_on from tasks where plan_id = ? and sort_order = 0",
    )
      .bind(result.planId)
      .first();
    expect(task).toEqual({ ref: "1", deadline_text: "6/2025", deadline_kind: "month", due_on: "2025-06-30" });
  });
});
