/**
 * The period a report covers: a month, a quarter, six months, a year, or
 * from one day to another. Its code rides in a button or a URL: 2026-05,
 * 2026-Q2, 2026-H1, 2026, or 20260101-20260630.
 */
import { parsePeriod } from "../report/target";
import { foldText } from "../text/fold";
import { addDays, formatDate } from "../time/vietnam-date";

export type PeriodKind = "month" | "quarter" | "half" | "year" | "range";

export interface ReportPeriod {
  kind: PeriodKind;
  code: string;
  /** First and last day, ISO. */
  from: string;
  to: string;
  /** As a title says it: "quý II năm 2026", "6 tháng đầu năm 2026". */
  label: string;
}

const ROMAN = ["I", "II", "III", "IV"];
/** The longest range a report covers: a plan's whole term (tổng kết) rarely passes ten years. */
const MAX_RANGE_DAYS = 366 * 15;

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, "0");

export function periodFromCode(code: string): ReportPeriod | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { kind: "month", code, from: `${m[1]}-${m[2]}-01`, to: lastDay(y, mo), label: `tháng ${mo} năm ${y}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(code);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return {
      kind: "quarter",
      code,
      from: `${y}-${pad(q * 3 - 2)}-01`,
      to: lastDay(y, q * 3),
      label: `quý ${ROMAN[q - 1]} năm ${y}`,
    };
  }
  m = /^(\d{4})-H([12])$/.exec(code);
  if (m) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return {
      kind: "half",
      code,
      from: `${y}-${h === 1 ? "01" : "07"}-01`,
      to: lastDay(y, h * 6),
      label: `6 tháng ${h === 1 ? "đầu" : "cuối"} năm ${y}`,
    };
  }
  m = /^(\d{4})$/.exec(code);
  if (m) return { kind: "year", code, from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: `năm ${m[1]}` };
  m = /^(\d{4})(\d{2})(\d{2})-(\d{4})(\d{2})(\d{2})$/.exec(code);
  if (m) {
    const from = `${m[1]}-${m[2]}-${m[3]}`;
    const to = `${m[4]}-${m[5]}-${m[6]}`;
    return rangePeriod(from, to);
  }
  return null;
}

function rangePeriod(from: string, to: string): ReportPeriod | null {
  if (!isDate(from) || !isDate(to) || from > to) return null;
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) return null;
  return {
    kind: "range",
    code: `${from.replace(/-/g, "")}-${to.replace(/-/g, "")}`,
    from,
    to,
    label: `từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`,
  };
}

function isDate(iso: string): boolean {
  const t = Date.parse(iso);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === iso && iso >= "2000-01-01" && iso <= "2100-12-31";
}

/**
 * What an office types: "quý II/2026", "6 tháng đầu năm 2026", "năm 2026",
 * "tháng 5/2026", or two dates "1/1/2026 - 30/6/2026" ("từ … đến …").
 */
export function parseReportPeriod(input: string): ReportPeriod | null {
  const text = foldText(input);
  const dates = [...text.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g)].map(
    (m) => `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`,
  );
  if (dates.length === 2) return rangePeriod(dates[0]!, dates[1]!);
  if (dates.length > 0) return null;
  const named = parsePeriod(text.replace(/^(bao cao |ky )/, ""));
  return named ? periodFromCode(named.key) : null;
}

/** The choices offered in chat and on the web, the current period of each kind and the one before it. */
export function periodChoices(today: string): ReportPeriod[] {
  const y = Number(today.slice(0, 4));
  const mo = Number(today.slice(5, 7));
  const q = Math.ceil(mo / 3);
  const h = mo <= 6 ? 1 : 2;
  const codes = [
    `${y}-${pad(mo)}`,
    mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`,
    `${y}-Q${q}`,
    q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`,
    `${y}-H${h}`,
    h === 1 ? `${y - 1}-H2` : `${y}-H1`,
    `${y}`,
    `${y - 1}`,
  ];
  return codes.map((c) => periodFromCode(c)!);
}

/** The period of the same kind that follows (a range: as many days again), for "tasks due next". */
export function nextPeriod(p: ReportPeriod): { from: string; to: string; label: string } {
  const from = addDays(p.to, 1);
  const y = Number(from.slice(0, 4));
  const mo = Number(from.slice(5, 7));
  let code: string;
  switch (p.kind) {
    case "month":
      code = `${y}-${pad(mo)}`;
      break;
    case "quarter":
      code = `${y}-Q${Math.ceil(mo / 3)}`;
      break;
    case "half":
      code = `${y}-H${mo <= 6 ? 1 : 2}`;
      break;
    case "year":
      code = `${y}`;
      break;
    case "range": {
      const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000);
      const to = addDays(from, days);
      return { from, to, label: `từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}` };
    }
  }
  const next = periodFromCode(code)!;
  return { from: next.from, to: next.to, label: next.label };
}
