import { describe, expect, it } from "vitest";
import { deriveStatus, type StatusInput } from "../../core/status/derive";
import { sortByUrgency } from "../../core/status/of-assignment";

const today = "2026-11-25";
const checkin = {
  currentPeriod: "2026-Q4",
  previousPeriod: "2026-Q3",
  previousPeriodEnd: "2026-09-30",
  lastAnswered: null,
  activeSince: "2026-01-05",
};
const base: StatusInput = { state: "open", due: null, recurring: false, reportedDoneAt: null, today };

describe("deriveStatus", () => {
  it.each<[string, Partial<StatusInput>, string]>([
    ["due yesterday, not done", { due: "2026-11-24" }, "overdue"],
    ["due today", { due: "2026-11-25" }, "due_soon"],
    ["due in exactly 7 days", { due: "2026-12-02" }, "due_soon"],
    ["due in 8 days", { due: "2026-12-03" }, "not_due"],
    ["due in 8 days, work started", { due: "2026-12-03", state: "in_progress" }, "in_progress"],
    ["overdue even when work started", { due: "2026-11-01", state: "in_progress" }, "overdue"],
    ["custom window of 14 days", { due: "2026-12-08", soonDays: 14 }, "due_soon"],
    ["waiting for an admin, even past due", { due: "2026-11-01", state: "awaiting_confirmation" }, "awaiting_confirmation"],
    ["done before the deadline", { due: "2026-11-30", state: "done", reportedDoneAt: "2026-11-20T03:00:00Z" }, "done_on_time"],
    ["done on the deadline day", { due: "2026-11-20", state: "done", reportedDoneAt: "2026-11-20T10:00:00Z" }, "done_on_time"],
    [
      "done at 23:00 Vietnam time on the deadline day (16:00 UTC)",
      { due: "2026-11-20", state: "done", reportedDoneAt: "2026-11-20T16:00:00Z" },
      "done_on_time",
    ],
    [
      "done at 06:00 Vietnam time the day after (23:00 UTC the day before)",
      { due: "2026-11-20", state: "done", reportedDoneAt: "2026-11-20T23:00:00Z" },
      "done_late",
    ],
    ["done after the deadline", { due: "2026-11-20", state: "done", reportedDoneAt: "2026-11-21T01:00:00Z" }, "done_late"],
    ["done, no deadline", { state: "done", reportedDoneAt: "2026-11-21" }, "done_on_time"],
    ["recurring duty, nothing known of its check-ins", { recurring: true }, "checkin_due"],
    [
      "recurring duty answered this period",
      { recurring: true, checkin: { ...checkin, lastAnswered: "2026-Q4" } },
      "checkin_done",
    ],
    [
      "recurring duty answered last period only",
      { recurring: true, checkin: { ...checkin, lastAnswered: "2026-Q3" } },
      "checkin_due",
    ],
    [
      "recurring duty that skipped last period",
      { recurring: true, checkin: { ...checkin, lastAnswered: "2026-Q2" } },
      "checkin_missed",
    ],
    ["recurring duty never answered", { recurring: true, checkin: { ...checkin, lastAnswered: null } }, "checkin_missed"],
    [
      "recurring duty assigned this period",
      { recurring: true, checkin: { ...checkin, lastAnswered: null, activeSince: "2026-10-15" } },
      "checkin_due",
    ],
    ["milestone plus duty: the milestone rules until done", { recurring: true, due: "2026-11-01" }, "overdue"],
    ["no deadline at all", {}, "no_deadline"],
    ["no deadline, work started", { state: "in_progress" }, "in_progress"],
  ])("%s → %s", (_, input, expected) => {
    expect(deriveStatus({ ...base, ...input })).toBe(expected);
  });
});

describe("sortByUrgency", () => {
  it("puts overdue first, then due soon, then the rest by due date, finished last", () => {
    const item = (
      ref: string,
      over: Partial<{ state: "open" | "done"; dueOn: string | null; recurrence: string | null; assignedAt: string }>,
    ) => ({
      ref,
      state: "open" as const,
      dueOn: null,
      dueOverride: null,
      recurrence: null,
      reportedDoneAt: null,
      ...over,
    });
    const sorted = sortByUrgency(
      [
        item("done", { state: "done", dueOn: "2026-01-01" }),
        item("later", { dueOn: "2027-06-30" }),
        item("none", {}),
        item("soon", { dueOn: "2026-11-27" }),
        item("ongoing", { recurrence: "ongoing", assignedAt: "2026-11-01" }),
        item("old-overdue", { dueOn: "2024-12-31" }),
        item("new-overdue", { dueOn: "2026-10-31" }),
      ],
      today,
    );
    expect(sorted.map((s) => s.ref)).toEqual(["old-overdue", "new-overdue", "soon", "ongoing", "later", "none", "done"]);
  });
});
