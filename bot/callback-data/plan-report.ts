/**
 * /lapbaocao's buttons: a plan to report on, then a period (its code:
 * 2026-05, 2026-Q2, 2026-H1, 2026, 20260101-20260630) and, where the
 * issuing unit does not say, the layout (p: party, s: state).
 */
const code = "(\\d{4}(?:-(?:0[1-9]|1[0-2]|Q[1-4]|H[12]))?|\\d{8}-\\d{8})";

export const planReportPlan = {
  build: (planId: number) => `bc:p:${planId}`,
  pattern: /^bc:p:(\d{1,10})$/,
};

export const planReportPeriod = {
  build: (planId: number, periodCode: string, layout?: "party" | "state") =>
    `bc:g:${planId}:${periodCode}${layout ? `:${layout === "party" ? "p" : "s"}` : ""}`,
  pattern: new RegExp(`^bc:g:(\\d{1,10}):${code}(?::(p|s))?$`),
};

/** A report of only the units the member is in charge of (/phutrach). */
export const planReportScoped = {
  build: (planId: number, periodCode: string) => `bc:s:${planId}:${periodCode}`,
  pattern: new RegExp(`^bc:s:(\\d{1,10}):${code}$`),
};
