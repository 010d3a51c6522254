/**
 * Who the terminal chat can speak as: the demo members from db/demo.ts (loaded
 * at run time, so the chat still starts while that file is missing or broken)
 * and a stranger for trying onboarding.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ROLE_LABELS, ansi, type Style } from "./render";

export interface DemoMember {
  telegramId: number;
  /** Their Zalo account in the demo (db/demo.ts), for `npm start -- --zalo`. */
  zaloId?: string;
  fullName: string;
  unitName: string;
  role: "admin" | "leader" | "member" | "viewer";
}

export interface ChatUser {
  /** Number shown in the menu (0 = the stranger). */
  n: number;
  telegramId: number;
  zaloId?: string;
  fullName: string;
  unitName?: string;
  role?: DemoMember["role"];
  stranger?: boolean;
}

function isMember(x: unknown): x is DemoMember {
  const m = x as DemoMember;
  return (
    !!m &&
    typeof m.telegramId === "number" &&
    typeof m.fullName === "string" &&
    typeof m.unitName === "string" &&
    typeof m.role === "string"
  );
}

/** Loads demoMembers from db/demo.ts; [] with a reason when it cannot. */
export async function loadDemoMembers(root: string): Promise<{ members: DemoMember[]; problem?: string }> {
  const file = resolve(root, "db/demo.ts");
  if (!existsSync(file)) return { members: [], problem: "chưa có db/demo.ts" };
  try {
    const mod = (await import(pathToFileURL(file).href)) as { demoMembers?: unknown };
    const list = Array.isArray(mod.demoMembers) ? mod.demoMembers.filter(isMember) : [];
    if (!list.length) return { members: [], problem: "db/demo.ts không có demoMembers" };
    return { members: list };
  } catch (e) {
    return { members: [], problem: `không đọc được db/demo.ts: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Menu order: grouped by unit (in first-appearance order), numbered 1…; the stranger is 0. */
export function buildUserList(members: DemoMember[], stranger: { telegramId: number; fullName: string }): ChatUser[] {
  const units: string[] = [];
  for (const m of members) if (!units.includes(m.unitName)) units.push(m.unitName);
  const roleOrder = ["admin", "leader", "member", "viewer"];
  const ordered = units.flatMap((u) =>
    members.filter((m) => m.unitName === u).sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role)),
  );
  return [
    ...ordered.map((m, i) => ({ n: i + 1, ...m })),
    { n: 0, telegramId: stranger.telegramId, fullName: stranger.fullName, stranger: true },
  ];
}

export function renderUserMenu(users: ChatUser[], st: Style, current?: number): string[] {
  const lines: string[] = [];
  let unit: string | undefined;
  const width = String(users.length).length;
  for (const u of users) {
    if (u.stranger) continue;
    if (u.unitName !== unit) {
      unit = u.unitName;
      lines.push(ansi.bold(unit ?? "", st));
    }
    const mark = u.telegramId === current ? ansi.green(" ←", st) : "";
    lines.push(
      `  ${String(u.n).padStart(width)}. ${u.fullName} ${ansi.dim(`(${ROLE_LABELS[u.role ?? ""] ?? u.role})`, st)}${mark}`,
    );
  }
  const s = users.find((u) => u.stranger);
  if (s) {
    const mark = s.telegramId === current ? ansi.green(" ←", st) : "";
    lines.push(`  ${"0".padStart(width)}. ${s.fullName} ${ansi.dim("(chưa là thành viên, để thử đăng ký)", st)}${mark}`);
  }
  return lines;
}

/** Short name for the prompt: the given name (last word) of a Vietnamese full name. */
export function shortName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts[parts.length - 1] ?? fullName;
}
