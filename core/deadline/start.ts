import type { PeriodToken } from "./periods";

// "bắt đầu từ năm 2026", "bắt đầu thực hiện từ quý I/2026": when a duty begins, not when it is due.
const START_LEAD = /(?<![a-z0-9])bat\s+dau(?:\s+(?:thuc\s+hien|trien\s+khai|ap\s+dung))?(?:\s+(?:tu|ke\s+tu))?\s*$/;
// "Từ quý II/2027", "…, thực hiện từ tháng 5/2026": "từ" opening the phrase or a clause of it.
const FROM_LEAD = /(?:^|[,;(]\s*)(?:(?:thuc\s+hien|trien\s+khai|ap\s+dung)\s+)?(?:tu|ke\s+tu)\s*$/;
// "từ quý III/2026 đến quý III/2030" is a range, not a start.
const RANGE_ON = /^\s*(?:den|toi|-|–|—|~)\s*(?:het\s+|truoc\s+)?$/;

export interface Start {
  start: string | null;
  /** Where the start's period ends in the folded phrase (0 without one). */
  end: number;
  rest: PeriodToken[];
}

/** Takes out the period a phrase names as a start; the other tokens are left for the due date. */
export function takeStart(tokens: PeriodToken[], folded: string): Start {
  let previousEnd = 0;
  for (const [i, token] of tokens.entries()) {
    const before = folded.slice(previousEnd, token.from);
    const next = tokens[i + 1];
    const opensRange = next !== undefined && RANGE_ON.test(folded.slice(token.to, next.from));
    if ("period" in token && (START_LEAD.test(before) || (FROM_LEAD.test(before) && !opensRange))) {
      return { start: token.period.start, end: token.to, rest: tokens.filter((_, k) => k !== i) };
    }
    previousEnd = token.to;
  }
  return { start: null, end: 0, rest: tokens };
}
