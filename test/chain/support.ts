import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { assignments, plans, tasks } from "../../db/schema";
import { linkChildPlan } from "../../db/queries/plan-chain";
import { designateOffice, makeMember, makeUnit, testDb, type TestMember } from "../support/fixtures";

type State = "open" | "in_progress" | "awaiting_confirmation" | "done";

interface TaskSpec {
  title: string;
  unitId: number;
  /** Days from today (Vietnam); null: no deadline. */
  dueIn: number | null;
  state?: State;
  /** For done tasks: days from today of the completion report. */
  reportedIn?: number;
}

/** A plan with its tasks, one lead assignment each; returns the plan and assignment ids in order. */
export async function makePlan(
  plan: { issuerUnitId: number; monitorUnitId: number; number: string | null; title: string; issuedOn?: string | null },
  specs: TaskSpec[],
): Promise<{ planId: number; assignmentIds: number[] }> {
  const db = testDb();
  const today = vietnamDate(new Date());
  const [row] = await db
    .insert(plans)
    .values({ ...plan, issuedOn: plan.issuedOn ?? null })
    .returning({ id: plans.id });
  const assignmentIds: number[] = [];
  for (const [index, spec] of specs.entries()) {
    const due = spec.dueIn === null ? null : addDays(today, spec.dueIn);
    const [task] = await db
      .insert(tasks)
      .values({
        planId: row!.id,
        ref: String(index + 1),
        title: spec.title,
        deadlineText: due ? `trước ${due}` : null,
        deadlineKind: due ? "date" : "none",
        dueOn: due,
        sortOrder: index,
      })
      .returning({ id: tasks.id });
    const state = spec.state ?? "open";
    const [assignment] = await db
      .insert(assignments)
      .values({
        taskId: task!.id,
        unitId: spec.unitId,
        role: "lead",
        state,
        progress: state === "done" ? 100 : 0,
        reportedDoneAt: state === "done" || state === "awaiting_confirmation" ? addDays(today, spec.reportedIn ?? -1) : null,
      })
      .returning({ id: assignments.id });
    assignmentIds.push(assignment!.id);
  }
  return { planId: row!.id, assignmentIds };
}

export interface Chain {
  tag: string;
  units: {
    province: number;
    provinceOffice: number;
    commune: number;
    communeOffice: number;
    sibling: number;
    siblingOffice: number;
    cell: number;
  };
  province: { planId: number; assignmentIds: number[] };
  admins: { province: TestMember; commune: TestMember; sibling: TestMember; cell: TestMember };
}

/**
 * Province → two communes → a party cell under the first. The province's plan
 * gives each commune a planning task ("xây dựng kế hoạch thực hiện") and one
 * ordinary task; the sibling's planning task is already past its deadline.
 * Every unit has an office of its own (the cell is its own office).
 */
export async function makeChain(): Promise<Chain> {
  const tag = `c${crypto.randomUUID().slice(0, 6)}`;
  const province = await makeUnit(`Tỉnh ủy Thử ${tag}`);
  const provinceOffice = await makeUnit(`Ban Tổ chức Tỉnh ủy ${tag}`, province);
  const commune = await makeUnit(`Đảng ủy xã Đông ${tag}`, province);
  const communeOffice = await makeUnit(`Văn phòng Đảng ủy xã Đông ${tag}`, commune);
  const sibling = await makeUnit(`Đảng ủy xã Tây ${tag}`, province);
  const siblingOffice = await makeUnit(`Văn phòng Đảng ủy xã Tây ${tag}`, sibling);
  const cell = await makeUnit(`Chi bộ thôn Một ${tag}`, commune);
  await designateOffice(province, provinceOffice);
  await designateOffice(commune, communeOffice);
  await designateOffice(sibling, siblingOffice);
  const provincePlan = await makePlan(
    {
      issuerUnitId: province,
      monitorUnitId: provinceOffice,
      number: `10-KH/TU-${tag}`,
      title: "Kế hoạch của tỉnh",
      issuedOn: "2026-01-05",
    },
    [
      { title: "Xây dựng kế hoạch thực hiện Kế hoạch này", unitId: commune, dueIn: 20 },
      { title: "Tổ chức hội nghị quán triệt", unitId: commune, dueIn: 40 },
      { title: "Xây dựng kế hoạch thực hiện Kế hoạch này", unitId: sibling, dueIn: -3 },
      { title: "Tổ chức hội nghị quán triệt", unitId: sibling, dueIn: 40 },
    ],
  );
  return {
    tag,
    units: { province, provinceOffice, commune, communeOffice, sibling, siblingOffice, cell },
    province: provincePlan,
    admins: {
      province: await makeMember(provinceOffice, "admin", "Tỉnh"),
      commune: await makeMember(communeOffice, "admin", "Xã"),
      sibling: await makeMember(siblingOffice, "admin", "Xã bên"),
      cell: await makeMember(cell, "admin", "Chi bộ"),
    },
  };
}

/** The commune's plan and the cell's, linked by hand under the province's. */
export async function linkedChain() {
  const chain = await makeChain();
  const { commune, communeOffice, cell } = chain.units;
  const communePlan = await makePlan(
    {
      issuerUnitId: commune,
      monitorUnitId: communeOffice,
      number: `3-KH/ĐU-${chain.tag}`,
      title: "Kế hoạch của xã",
      issuedOn: "2026-02-01",
    },
    [
      { title: "Chi bộ xây dựng kế hoạch thực hiện", unitId: cell, dueIn: 10 },
      { title: "Rà soát đội ngũ", unitId: communeOffice, dueIn: 30, state: "done", reportedIn: -2 },
      { title: "Báo cáo kết quả", unitId: communeOffice, dueIn: -10, state: "done", reportedIn: -5 },
      { title: "Sơ kết quý", unitId: communeOffice, dueIn: -20, state: "done", reportedIn: -25 },
      { title: "Tổng hợp danh sách", unitId: communeOffice, dueIn: -4 },
      { title: "Tuyên truyền", unitId: communeOffice, dueIn: -1, state: "in_progress" },
      { title: "Khảo sát", unitId: communeOffice, dueIn: 5 },
    ],
  );
  const cellPlan = await makePlan(
    { issuerUnitId: cell, monitorUnitId: cell, number: `1-KH/CB-${chain.tag}`, title: "Kế hoạch của chi bộ" },
    [{ title: "Họp chi bộ", unitId: cell, dueIn: 3 }],
  );
  const [planning, ordinary] = chain.province.assignmentIds;
  const up = await linkChildPlan(testDb(), {
    childPlanId: communePlan.planId,
    parentPlanId: chain.province.planId,
    assignmentIds: [planning!, ordinary!],
    memberId: chain.admins.commune.memberId,
  });
  const down = await linkChildPlan(testDb(), {
    childPlanId: cellPlan.planId,
    parentPlanId: communePlan.planId,
    assignmentIds: [communePlan.assignmentIds[0]!],
    memberId: chain.admins.cell.memberId,
  });
  return { chain, communePlan, cellPlan, up, down };
}
