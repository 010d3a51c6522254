/**
 * Recurring duties ("thực hiện thường xuyên", "hằng năm", "định kỳ") have no
 * due date; instead each period opens a check-in the unit answers. Periods are
 * calendar months, quarters, halves or years, keyed like "2026-11", "2026-Q4",
 * "2026-H2", "2026".
 */
export type CheckinEvery = "monthly" | "quarterly" | "semiannual" | "yearly";

export const DEFAULT_CHECKIN_EVERY: CheckinEvery = "quarterly";

export interface Period {
  key: string;
  /** First and last day, ISO dates. */
  start: string;
  end: string;
}

/** The period a duty's check-in uses: its own setting, else the recurrence's cycle, else quarterly. */
export function checkinCadence(checkinEvery: CheckinEvery | null, recurrence: string | null): CheckinEvery {
  if (checkinEvery) return checkinEvery;
  if (recurrence === "monthly" || recurrence === "quarterly" || recurrence === "semiannual" || recurrence === "yearly")
    return recurrence;
  return DEFAULT_CHECKIN_EVERY;
}

const monthsPer: Record<CheckinEvery, number> = { monthly: 1, quarterly: 3, semiannual: 6, yearly: 12 };

export function periodContaining(every: CheckinEvery, isoDate: string): Period {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const span = monthsPer[every];
  const index = Math.floor((month - 1) / span);
  const firstMonth = index * span + 1;
  const lastMonth = firstMonth + span - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  const key =
    every === "monthly"
      ? `${year}-${pad(month)}`
      : every === "quarterly"
        ? `${year}-Q${index + 1}`
        : every === "semiannual"
          ? `${year}-H${index + 1}`
          : `${year}`;
  return { key, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The period just before the one containing `isoDate`. */
export function previousPeriod(every: CheckinEvery, isoDate: string): Period {
  const current = periodContaining(every, isoDate);
  const dayBefore = new Date(Date.parse(current.start) - 86_400_000).toISOString().slice(0, 10);
  return periodContaining(every, dayBefore);
}

/** "quý IV/2026", "tháng 11/2026", "6 tháng cuối năm 2026", "năm 2026": how a period is named in Vietnamese. */
export function periodLabel(period: Period): string {
  const [year, part] = period.key.split("-");
  if (!part) return `năm ${year}`;
  if (part.startsWith("Q")) return `quý ${["I", "II", "III", "IV"][Number(part.slice(1)) - 1]}/${year}`;
  if (part.startsWith("H")) return `6 tháng ${part === "H1" ? "đầu" : "cuối"} năm ${year}`;
  return `tháng ${Number(part)}/${year}`;
}
