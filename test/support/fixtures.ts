import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import type { Role } from "../../core/access/roles";
import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { unitKey } from "../../core/units/match";
import { createDb, type Db } from "../../db/client";
import { assignments, invites, memberChannels, members, plans, tasks, units } from "../../db/schema";
import { newTelegramId, type TestUser } from "./webhook";

export const testDb = (): Db => createDb(env.DB);

let counter = 0;

export async function makeUnit(name: string, parentId: number | null = null): Promise<number> {
  const [row] = await testDb()
    .insert(units)
    .values({ name, nameKey: unitKey(name), parentId })
    .returning({ id: units.id });
  return row!.id;
}

export interface TestMember extends TestUser {
  memberId: number;
  unitId: number;
  role: Role;
}

export async function makeMember(unitId: number, role: Role, firstName = "Cán bộ"): Promise<TestMember> {
  const id = newTelegramId();
  const [row] = await testDb()
    .insert(members)
    .values({ unitId, role, fullName: `${firstName} ${id}` })
    .returning({ id: members.id });
  await testDb()
    .insert(memberChannels)
    .values({ channel: "telegram", userId: String(id), chatId: String(id), memberId: row!.id });
  return { id, firstName, memberId: row!.id, unitId, role };
}

export async function makeInvite(
  unitId: number,
  options: { role?: Role; expiresAt?: string; maxUses?: number | null; uses?: number } = {},
) {
  const code = `t${++counter}_${crypto.randomUUID().slice(0, 8)}`;
  await testDb()
    .insert(invites)
    .values({
      code,
      unitId,
      role: options.role ?? "member",
      expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000).toISOString(),
      maxUses: options.maxUses === undefined ? 1 : options.maxUses,
      uses: options.uses ?? 0,
    });
  return code;
}

/** The issuing unit's admins designated this office to monitor its plans (units.monitor_office_id). */
export async function designateOffice(issuer: number, office: number): Promise<void> {
  await testDb().update(units).set({ monitorOfficeId: office }).where(eq(units.id, issuer));
}

/**
 * A committee with a monitoring office, two units and one plan. Due dates are
 * relative to today in Vietnam so the statuses the bot shows are predictable.
 */
export async function makeCommittee() {
  // Always with a letter: tests search by the tag in upper case and must tell an echo of their query from a leak.
  const tag = `${++counter}-t${crypto.randomUUID().slice(0, 6)}`;
  const today = vietnamDate(new Date());
  const root = await makeUnit(`Huyện ủy Thử nghiệm ${tag}`);
  const monitor = await makeUnit(`Ban Tổ chức ${tag}`, root);
  await designateOffice(root, monitor);
  const unitA = await makeUnit(`Đảng ủy xã An Bình ${tag}`, root);
  const unitB = await makeUnit(`Đảng ủy xã Phú Lộc ${tag}`, root);
  const db = testDb();
  const [plan] = await db
    .insert(plans)
    .values({ issuerUnitId: root, monitorUnitId: monitor, number: `KH-${tag}`, title: "Kế hoạch thử nghiệm" })
    .returning({ id: plans.id });

  const addTask = async (
    unitId: number,
    ref: string,
    title: string,
    deadline: { text: string; due: string | null; recurrence?: "ongoing" },
    state: "open" | "done" = "open",
  ) => {
    const [task] = await db
      .insert(tasks)
      .values({
        planId: plan!.id,
        ref,
        title,
        deadlineText: deadline.text,
        deadlineKind: deadline.due ? "date" : deadline.recurrence ? "recurring" : "none",
        dueOn: deadline.due,
        recurrence: deadline.recurrence ?? null,
      })
      .returning({ id: tasks.id });
    const [assignment] = await db
      .insert(assignments)
      .values({
        taskId: task!.id,
        unitId,
        role: "lead",
        state,
        progress: state === "done" ? 100 : 0,
        reportedDoneAt: state === "done" && deadline.due ? addDays(deadline.due, -5) : null,
      })
      .returning({ id: assignments.id });
    return { taskId: task!.id, assignmentId: assignment!.id, title };
  };

  const a = {
    overdue: await addTask(unitA, "1", "Tổ chức hội nghị quán triệt nghị quyết", {
      text: "trước ngày hôm qua",
      due: addDays(today, -1),
    }),
    dueSoon: await addTask(unitA, "2", "Xây dựng kế hoạch bồi dưỡng trí thức trẻ", {
      text: "trong 3 ngày tới",
      due: addDays(today, 3),
    }),
    notDue: await addTask(unitA, "3", "Báo cáo sơ kết năm", { text: "cuối năm sau", due: addDays(today, 400) }),
    ongoing: await addTask(unitA, "4", "Tuyên truyền trên hệ thống truyền thanh", {
      text: "thực hiện thường xuyên",
      due: null,
      recurrence: "ongoing",
    }),
    done: await addTask(
      unitA,
      "5",
      "Rà soát đội ngũ trí thức của xã",
      { text: "trong tháng trước", due: addDays(today, -20) },
      "done",
    ),
  };
  const b = {
    onlyB: await addTask(unitB, "6", "Nhiệm vụ riêng của Phú Lộc về khuyến học", {
      text: "trong quý tới",
      due: addDays(today, 60),
    }),
  };

  return {
    tag,
    root,
    monitor,
    unitA,
    unitB,
    planId: plan!.id,
    tasksA: a,
    tasksB: b,
    admin: await makeMember(monitor, "admin", "Quản trị"),
    memberA: await makeMember(unitA, "member", "An"),
    memberB: await makeMember(unitB, "member", "Bình"),
    viewer: await makeMember(root, "viewer", "Thường vụ"),
  };
}
