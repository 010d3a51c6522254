import type { PeriodToken } from "./periods";

// "bắt đầu từ năm 2026", "bắt đầu thực hiện từ quý I/2026": when a duty begins, not when it is due.
const START_LEAD = /(?<![a-z0-9])bat\s+dau(?:\s+(?:thuc\s+hien|trien\s+khai|ap\s+dung))?(?:\s+(?:tu|ke\s+tu))?\s*$/;

/** Takes out the period a phrase names as a start; the other tokens are left for the due date. */
export function takeStart(tokens: PeriodToken[], folded: string): { start: string | null; rest: PeriodToken[] } {
  let previousEnd = 0;
  for (const [i, token] of tokens.entries()) {
    if ("period" in token && START_LEAD.test(folded.slice(previousEnd, token.from))) {
      return { start: token.period.start, rest: tokens.filter((_, k) => k !== i) };
    }
    previousEnd = token.to;
  }
  return { start: null, rest: tokens };
}
