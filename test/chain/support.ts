import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { assignments, plans, tasks } from "../../db/schema";
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
