/**
 * Buttons of the plan import review: `im:<flow token>:<action>`. The token
 * makes every button of an older or finished review stale.
 */
export type ImportAction =
  | { kind: "summary" }
  | { kind: "task"; task: number }
  | { kind: "drop"; task: number }
  | { kind: "deadline"; task: number }
  /** Which unit name of a task to change. */
  | { kind: "names"; task: number }
  /** The unit picker for one name of plan.units. */
  | { kind: "picker"; name: number; page: number }
  | { kind: "choose"; name: number; choice: number | "new" | "skip" }
  | { kind: "newUnits"; page: number }
  | { kind: "issuers"; page: number }
  | { kind: "issuer"; unitId: number }
  | { kind: "monitors"; page: number }
  | { kind: "monitor"; unitId: number }
  /** Type tasks the importer missed (or the whole list, when it found none). */
  | { kind: "add" }
  | { kind: "rename"; task: number }
  | { kind: "split"; task: number }
  | { kind: "confirm" }
  | { kind: "cancel" }
  /** Before any draft: the plans above that gave the admin's units tasks, to start from (handing down). */
  | { kind: "offers" }
  | { kind: "handDown"; parentPlanId: number; unitId: number };

const N = "(\\d{1,10})";

const forms: [RegExp, (m: RegExpExecArray) => ImportAction][] = [
  [/^s$/, () => ({ kind: "summary" })],
  [new RegExp(`^t:${N}$`), (m) => ({ kind: "task", task: Number(m[1]) })],
  [new RegExp(`^x:${N}$`), (m) => ({ kind: "drop", task: Number(m[1]) })],
  [new RegExp(`^d:${N}$`), (m) => ({ kind: "deadline", task: Number(m[1]) })],
  [new RegExp(`^u:${N}$`), (m) => ({ kind: "names", task: Number(m[1]) })],
  [new RegExp(`^n:${N}:${N}$`), (m) => ({ kind: "picker", name: Number(m[1]), page: Number(m[2]) })],
  [
    new RegExp(`^m:${N}:(\\d{1,10}|new|skip)$`),
    (m) => ({ kind: "choose", name: Number(m[1]), choice: /^\d+$/.test(m[2]!) ? Number(m[2]) : (m[2] as "new" | "skip") }),
  ],
  [new RegExp(`^nu:${N}$`), (m) => ({ kind: "newUnits", page: Number(m[1]) })],
  [new RegExp(`^ip:${N}$`), (m) => ({ kind: "issuers", page: Number(m[1]) })],
  [new RegExp(`^I:${N}$`), (m) => ({ kind: "issuer", unitId: Number(m[1]) })],
  [new RegExp(`^mp:${N}$`), (m) => ({ kind: "monitors", page: Number(m[1]) })],
  [new RegExp(`^M:${N}$`), (m) => ({ kind: "monitor", unitId: Number(m[1]) })],
  [/^a$/, () => ({ kind: "add" })],
  [new RegExp(`^r:${N}$`), (m) => ({ kind: "rename", task: Number(m[1]) })],
  [new RegExp(`^sp:${N}$`), (m) => ({ kind: "split", task: Number(m[1]) })],
  [/^ok$/, () => ({ kind: "confirm" })],
  [/^no$/, () => ({ kind: "cancel" })],
  [/^ho$/, () => ({ kind: "offers" })],
  [new RegExp(`^hd:${N}:${N}$`), (m) => ({ kind: "handDown", parentPlanId: Number(m[1]), unitId: Number(m[2]) })],
];

function encode(action: ImportAction): string {
  switch (action.kind) {
    case "summary":
      return "s";
    case "task":
      return `t:${action.task}`;
    case "drop":
      return `x:${action.task}`;
    case "deadline":
      return `d:${action.task}`;
    case "names":
      return `u:${action.task}`;
    case "picker":
      return `n:${action.name}:${action.page}`;
    case "choose":
      return `m:${action.name}:${action.choice}`;
    case "newUnits":
      return `nu:${action.page}`;
    case "issuers":
      return `ip:${action.page}`;
    case "issuer":
      return `I:${action.unitId}`;
    case "monitors":
      return `mp:${action.page}`;
    case "monitor":
      return `M:${action.unitId}`;
    case "add":
      return "a";
    case "rename":
      return `r:${action.task}`;
    case "split":
      return `sp:${action.task}`;
    case "confirm":
      return "ok";
    case "cancel":
      return "no";
    case "offers":
      return "ho";
    case "handDown":
      return `hd:${action.parentPlanId}:${action.unitId}`;
  }
}

export const importButton = {
  build: (token: string, action: ImportAction) => `im:${token}:${encode(action)}`,
  /** Any import button; parse the action from match[2]. */
  pattern: /^im:([A-Za-z0-9_-]{8}):([A-Za-z0-9:]{1,40})$/,
  parse(rest: string): ImportAction | null {
    for (const [form, read] of forms) {
      const m = form.exec(rest);
      if (m) return read(m);
    }
    return null;
  },
};
