import { roles, type Role } from "../../core/access/roles";

/**
 * Buttons of the monitoring office's screens, all under "a:". Screens that
 * read act on the member's current plan; buttons that change something
 * carry the plan they were shown for.
 */
const id = "(\\d{1,10})";
const page = "(\\d{1,4})";

export const adminOverview = { build: () => "a:ov", pattern: /^a:ov$/ };

export const adminOverduePage = { build: (p: number) => `a:od:${p}`, pattern: new RegExp(`^a:od:${page}$`) };

/** "Nhắc ngay": a manual alert to a unit about its overdue tasks in a plan. */
export const adminRemindUnit = {
  build: (planId: number, unitId: number) => `a:nn:${planId}:${unitId}`,
  pattern: new RegExp(`^a:nn:${id}:${id}$`),
};

export const adminUnitList = { build: (p: number) => `a:ul:${p}`, pattern: new RegExp(`^a:ul:${page}$`) };

export const adminUnit = {
  build: (unitId: number, p = 0) => `a:u:${unitId}:${p}`,
  pattern: new RegExp(`^a:u:${id}:${page}$`),
};

export const adminTask = { build: (taskId: number) => `a:t:${taskId}`, pattern: new RegExp(`^a:t:${id}$`) };

export const adminTaskHistory = {
  build: (taskId: number, p = 0) => `a:th:${taskId}:${p}`,
  pattern: new RegExp(`^a:th:${id}:${page}$`),
};

export const adminApprovals = { build: (p = 0) => `a:ap:${p}`, pattern: new RegExp(`^a:ap:${page}$`) };

export const adminApprovalItem = {
  build: (kind: "completion" | "extension", itemId: number) => `a:ai:${kind === "completion" ? "c" : "e"}:${itemId}`,
  pattern: new RegExp(`^a:ai:(c|e):${id}$`),
};

export const adminExport = {
  build: (format: "xlsx" | "csv") => `a:x:${format}`,
  pattern: /^a:x:(xlsx|csv)$/,
};

export const adminTargets = { build: (p = 0) => `a:tg:p${p}`, pattern: new RegExp(`^a:tg:p${page}$`) };
export const adminTarget = { build: (targetId: number) => `a:tg:${targetId}`, pattern: new RegExp(`^a:tg:${id}$`) };
export const adminTargetRecord = { build: (targetId: number) => `a:tv:${targetId}`, pattern: new RegExp(`^a:tv:${id}$`) };
/** The responsible unit of a target: the menu of units (paged), and the choice (unit 0: nobody). */
export const adminTargetUnitMenu = {
  build: (targetId: number, p = 0) => `a:tu:${targetId}:${p}`,
  pattern: new RegExp(`^a:tu:${id}:${page}$`),
};
export const adminTargetUnitSet = {
  build: (targetId: number, unitId: number | null) => `a:ts:${targetId}:${unitId ?? 0}`,
  pattern: new RegExp(`^a:ts:${id}:${id}$`),
};

export const adminPlans = { build: () => "a:pl", pattern: /^a:pl$/ };
export const adminPlanSwitch = { build: (planId: number) => `a:pl:${planId}`, pattern: new RegExp(`^a:pl:${id}$`) };

/** People: pick a unit, see its members, open one, change them. */
export const peopleUnits = { build: (p: number) => `a:pu:${p}`, pattern: new RegExp(`^a:pu:${page}$`) };
export const peopleOfUnit = { build: (unitId: number) => `a:pm:${unitId}`, pattern: new RegExp(`^a:pm:${id}$`) };
export const personCard = { build: (memberId: number) => `a:m:${memberId}`, pattern: new RegExp(`^a:m:${id}$`) };
export const personRoleMenu = { build: (memberId: number) => `a:mr:${memberId}`, pattern: new RegExp(`^a:mr:${id}$`) };
export const personRoleSet = {
  build: (memberId: number, role: Role) => `a:mr:${memberId}:${role}`,
  pattern: new RegExp(`^a:mr:${id}:(${roles.join("|")})$`),
};
export const personMoveMenu = {
  build: (memberId: number, p = 0) => `a:mv:${memberId}:${p}`,
  pattern: new RegExp(`^a:mv:${id}:${page}$`),
};
export const personMoveTo = {
  build: (memberId: number, unitId: number) => `a:mt:${memberId}:${unitId}`,
  pattern: new RegExp(`^a:mt:${id}:${id}$`),
};
export const personRemove = { build: (memberId: number) => `a:rm:${memberId}`, pattern: new RegExp(`^a:rm:${id}$`) };
export const personRemoveConfirm = { build: (memberId: number) => `a:rm:${memberId}:y`, pattern: new RegExp(`^a:rm:${id}:y$`) };
