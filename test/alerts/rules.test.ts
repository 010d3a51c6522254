import { describe, expect, it } from "vitest";
import { WorkingCalendar, isoWeek } from "../../core/alerts/calendar";
import { DEFAULT_ALERT_CONFIG, type AlertConfig } from "../../core/alerts/config";
import { SendPacer } from "../../core/alerts/pacing";
import { parsePauseDate } from "../../core/alerts/pause-date";
import { planAlerts, type AssignmentCandidate, type MemberCandidate } from "../../core/alerts/plan";
import { MuteSet, inAudience, receivesAlerts } from "../../core/alerts/recipients";
import { checkinAlerts, deadlineAlerts, dueHorizon, type DeadlineFacts } from "../../core/alerts/rules";
import { isSendingTime, nextSendingTime } from "../../core/alerts/send-window";

// June 2026: Mondays 1, 8, 15, 22, 29; weekends 6–7, 13–14, 20–21, 27–28.
const MON = "2026-06-08";
const config = DEFAULT_ALERT_CONFIG;
const calendar = new WorkingCalendar();

const open = (due: string | null, more: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  state: "open",
  dueOn: due,
  dueOverride: null,
  lastReportOn: null,
  extensionPending: false,
  ...more,
});
const keys = (facts: DeadlineFacts, today = MON, cfg: AlertConfig = config, cal = calendar) =>
  deadlineAlerts(facts, today, cfg, cal).map((a) => `${a.kind}:${a.periodKey}:${a.audience}`);

describe("deadline alerts before the due date", () => {
  it.each([
    ["2026-06-15", "due:2026-06-15@7:unit", 7],
    ["2026-06-11", "due:2026-06-11@3:unit", 3],
    ["2026-06-09", "due:2026-06-09@1:unit", 1],
    ["2026-06-08", "due:2026-06-08@0:unit", 0],
  ])("due %s: the %s alert is in force on Monday %s", (due, key, days) => {
    expect(keys(open(due))).toEqual([key]);
    expect(deadlineAlerts(open(due), MON, config, calendar)[0]!.days).toBe(days);
  });

  it("nothing while the due date is further than the first offset", () => {
    expect(keys(open("2026-06-18"))).toEqual([]);
    expect(keys(open("2026-12-31"))).toEqual([]);
  });

  it("between offsets the latest one stays in force, so a missed run is caught up once", () => {
    // due Friday 12th: the 7-day alert (Friday 5th) stays in force until the 3-day one (Tuesday 9th)
    expect(keys(open("2026-06-12"))).toEqual(["due:2026-06-12@7:unit"]);
    expect(keys(open("2026-06-12"), "2026-06-09")).toEqual(["due:2026-06-12@3:unit"]);
  });

  it("an offset on a weekend moves to the Friday before, and offsets on one day collapse to the most urgent", () => {
    // due Monday 15th: 1 day before is Sunday → Friday 12th, which is also 3 days before
    expect(keys(open("2026-06-15"), "2026-06-12")).toEqual(["due:2026-06-15@1:unit"]);
    // due Sunday 14th: "on the day" is the Friday before, with 2 calendar days left
    const [alert] = deadlineAlerts(open("2026-06-14"), "2026-06-12", config, calendar);
    expect(alert).toMatchObject({ periodKey: "2026-06-14@0", days: 2 });
  });

  it("a public holiday in the configuration is not a working day", () => {
    const withHoliday = new WorkingCalendar(["2026-06-09"]);
    expect(keys(open("2026-06-10"), MON, config, withHoliday)).toEqual(["due:2026-06-10@1:unit"]);
    expect(keys(open("2026-06-10"), MON)).toEqual(["due:2026-06-10@3:unit"]);
  });

  it("configured offsets are used", () => {
    const cfg = { ...config, offsets: [14, 2] };
    expect(keys(open("2026-06-20"), MON, cfg)).toEqual(["due:2026-06-20@14:unit"]);
    expect(keys(open("2026-06-09"), MON, cfg)).toEqual(["due:2026-06-09@2:unit"]);
    expect(keys(open("2026-06-08"), MON, cfg)).toEqual(["due:2026-06-08@2:unit"]);
  });

  it("an approved extension moves the alerts to the new date", () => {
    expect(keys(open("2026-06-01", { dueOverride: "2026-06-11" }))).toEqual(["due:2026-06-11@3:unit"]);
  });

  it("nothing for a completed task, or one waiting for the office to confirm it", () => {
    expect(keys(open("2026-06-01", { state: "done" }))).toEqual([]);
    expect(keys(open("2026-06-09", { state: "awaiting_confirmation" }))).toEqual([]);
    expect(keys(open(null))).toEqual([]);
  });

  it("work in progress is still reminded", () => {
    expect(keys(open("2026-06-09", { state: "in_progress" }))).toEqual(["due:2026-06-09@1:unit"]);
  });
});

describe("overdue alerts and escalation", () => {
  const due = "2026-06-05"; // a Friday

  it("first on the working day after the due date, then every 3 working days", () => {
    expect(keys(open(due), "2026-06-06")).toEqual([]); // Saturday: the first overdue day is Monday
    expect(keys(open(due, { lastReportOn: "2026-06-08" }), "2026-06-08")).toEqual(["overdue:2026-06-05#0:unit"]);
    expect(keys(open(due, { lastReportOn: "2026-06-08" }), "2026-06-10")).toEqual(["overdue:2026-06-05#0:unit"]);
    expect(keys(open(due, { lastReportOn: "2026-06-08" }), "2026-06-11")).toEqual(["overdue:2026-06-05#1:unit"]);
    // weekends do not count: Thursday 11th + 3 working days = Tuesday 16th
    expect(keys(open(due, { lastReportOn: "2026-06-08" }), "2026-06-15")).toEqual(["overdue:2026-06-05#1:unit"]);
    expect(keys(open(due, { lastReportOn: "2026-06-08" }), "2026-06-16")).toEqual(["overdue:2026-06-05#2:unit"]);
    const [alert] = deadlineAlerts(open(due), "2026-06-08", config, calendar);
    expect(alert).toMatchObject({ days: 3, firstOverdueOn: "2026-06-08" });
  });

  it("ignored since the first overdue alert: members are reminded and the leader is told", () => {
    expect(keys(open(due), "2026-06-11")).toEqual(["overdue:2026-06-05#1:members", "escalation:2026-06-05#1:leaders"]);
    // a report from before the first overdue alert is not acting on it
    expect(keys(open(due, { lastReportOn: "2026-06-04" }), "2026-06-11")).toContain("escalation:2026-06-05#1:leaders");
    // the first round itself never escalates
    expect(keys(open(due), "2026-06-08")).toEqual(["overdue:2026-06-05#0:unit"]);
  });

  it("a configured repeat interval is used", () => {
    const every5 = { ...config, overdueEveryWorkingDays: 5 };
    expect(keys(open(due, { lastReportOn: "2026-06-08" }), "2026-06-12", every5)).toEqual(["overdue:2026-06-05#0:unit"]);
    expect(keys(open(due, { lastReportOn: "2026-06-08" }), "2026-06-15", every5)).toEqual(["overdue:2026-06-05#1:unit"]);
  });

  it("while an extension request waits for the office, the unit is not chased", () => {
    expect(keys(open(due, { extensionPending: true }), "2026-06-11")).toEqual([]);
  });
});

describe("check-ins of recurring duties", () => {
  const duty = (checkedIn: string[] = [], more: Partial<Parameters<typeof checkinAlerts>[0]> = {}) => ({
    state: "open" as const,
    recurrence: "ongoing",
    checkinEvery: null,
    dueOn: null,
    dueOverride: null,
    trackedSince: "2026-01-10",
    checkedIn: new Set(checkedIn),
    ...more,
  });
  const ck = (facts: ReturnType<typeof duty>, today: string) =>
    checkinAlerts(facts, today, config, calendar).map((a) => `${a.kind}:${a.periodKey}`);

  it("the quarter's check-in opens on the working day a week before the quarter ends", () => {
    expect(ck(duty(["2026-Q1"]), "2026-06-22")).toEqual([]);
    expect(ck(duty(["2026-Q1"]), "2026-06-23")).toEqual(["checkin_open:2026-Q2"]);
    expect(ck(duty(["2026-Q1", "2026-Q2"]), "2026-06-24")).toEqual([]);
  });

  it("a quarter that ended without a check-in is reported missed, unless the unit has checked in since", () => {
    expect(ck(duty(), "2026-04-01")).toEqual(["checkin_missed:2026-Q1"]);
    expect(ck(duty(), "2026-05-15")).toEqual(["checkin_missed:2026-Q1"]);
    expect(ck(duty(["2026-Q2"]), "2026-05-15")).toEqual([]);
    // tracked only from April: the first quarter was never owed
    expect(ck(duty([], { trackedSince: "2026-04-02" }), "2026-05-15")).toEqual([]);
  });

  it("uses the duty's own cadence", () => {
    expect(ck(duty(["2026-05"], { checkinEvery: "monthly" }), "2026-06-23")).toEqual(["checkin_open:2026-06"]);
    expect(ck(duty([], { checkinEvery: "monthly", trackedSince: "2026-05-01" }), "2026-06-02")).toEqual([
      "checkin_missed:2026-05",
    ]);
  });

  it("a recurring duty with a due date of its own, or completed, has no check-in alerts", () => {
    expect(ck(duty([], { dueOn: "2026-12-31" }), "2026-05-15")).toEqual([]);
    expect(ck(duty([], { state: "done" }), "2026-05-15")).toEqual([]);
  });
});

describe("recipients", () => {
  const m = (more: Partial<MemberCandidate> = {}): MemberCandidate => ({
    id: 1,
    unitId: 1,
    role: "member",
    pausedUntil: null,
    unreachableSince: null,
    removedAt: null,
    ...more,
  });

  it("a pause covers its last day; removed and unreachable members get nothing", () => {
    expect(receivesAlerts(m(), MON)).toBe(true);
    expect(receivesAlerts(m({ pausedUntil: MON }), MON)).toBe(false);
    expect(receivesAlerts(m({ pausedUntil: "2026-06-07" }), MON)).toBe(true);
    expect(receivesAlerts(m({ removedAt: "2026-01-01T00:00:00Z" }), MON)).toBe(false);
    expect(receivesAlerts(m({ unreachableSince: "2026-06-01T00:00:00Z" }), MON)).toBe(false);
  });

  it("members and leaders follow their unit's tasks; escalations are for leaders", () => {
    expect(["member", "leader", "viewer", "admin"].filter((r) => inAudience(r as never, "unit"))).toEqual(["member", "leader"]);
    expect(["member", "leader", "viewer", "admin"].filter((r) => inAudience(r as never, "leaders"))).toEqual(["leader"]);
    expect(["member", "leader", "viewer", "admin"].filter((r) => inAudience(r as never, "members"))).toEqual(["member"]);
  });

  it("a mute holds through its last day", () => {
    const mutes = new MuteSet(
      [
        { memberId: 1, assignmentId: 9, until: MON },
        { memberId: 2, assignmentId: 9, until: "2026-06-07" },
      ],
      MON,
    );
    expect(mutes.has(1, 9)).toBe(true);
    expect(mutes.has(2, 9)).toBe(false);
    expect(mutes.has(1, 8)).toBe(false);
  });
});

describe("planning: who receives what", () => {
  const assignment = (id: number, due: string | null, more: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
    id,
    unitId: 10,
    monitorUnitId: 1,
    state: "open",
    dueOn: due,
    dueOverride: null,
    recurrence: null,
    checkinEvery: null,
    reportedDoneAt: null,
    lastReportOn: null,
    extensionPending: false,
    trackedSince: "2026-01-01",
    ...more,
  });
  const member = (id: number, role: MemberCandidate["role"], more: Partial<MemberCandidate> = {}): MemberCandidate => ({
    id,
    unitId: role === "admin" ? 1 : 10,
    role,
    pausedUntil: null,
    unreachableSince: null,
    removedAt: null,
    ...more,
  });
  const plan = (input: Partial<Parameters<typeof planAlerts>[0]>) =>
    planAlerts({
      today: MON,
      config,
      calendar,
      assignments: [],
      checkins: new Map(),
      members: [],
      admins: [],
      mutes: new MuteSet([], MON),
      extensionsPending: [],
      completionsPending: [],
      ...input,
    }).map((p) => `${p.memberId}:${p.kind}:${p.subject}:${p.periodKey}`);

  it("each member and leader of the unit, except the paused and whoever muted the task", () => {
    const got = plan({
      assignments: [assignment(100, "2026-06-09"), assignment(101, "2026-06-11")],
      members: [
        member(1, "member"),
        member(2, "leader"),
        member(3, "member", { pausedUntil: "2026-06-30" }),
        member(4, "member"),
      ],
      mutes: new MuteSet([{ memberId: 4, assignmentId: 100, until: "2026-06-10" }], MON),
    });
    expect(got.sort()).toEqual(
      [
        "1:due:assignment:100:2026-06-09@1",
        "1:due:assignment:101:2026-06-11@3",
        "2:due:assignment:100:2026-06-09@1",
        "2:due:assignment:101:2026-06-11@3",
        "4:due:assignment:101:2026-06-11@3",
      ].sort(),
    );
  });

  it("admins get one daily summary, not a message per overdue item, and only when there is something", () => {
    const overdue = [
      assignment(1, "2026-06-01"),
      assignment(2, "2026-06-02"),
      assignment(3, "2026-06-03", { monitorUnitId: 99 }),
    ];
    const got = plan({ assignments: overdue, admins: [member(50, "admin")] });
    expect(got.filter((k) => k.startsWith("50:"))).toEqual([`50:admin_daily:admin:${MON}`]);
    expect(plan({ assignments: [assignment(1, "2026-06-30")], admins: [member(50, "admin")] })).toEqual([]);
    expect(plan({ admins: [member(50, "admin")], extensionsPending: [{ assignmentId: 7, monitorUnitId: 1 }] })).toEqual([
      `50:admin_daily:admin:${MON}`,
    ]);
  });

  it("check-ins are grouped: one message per unit and period, listing each duty", () => {
    const duties = [101, 102, 103].map((id) => assignment(id, null, { recurrence: "ongoing", trackedSince: "2026-04-15" }));
    const planned = planAlerts({
      today: "2026-06-24",
      config,
      calendar,
      assignments: duties,
      checkins: new Map([[103, new Set(["2026-Q2"])]]),
      members: [member(1, "member")],
      admins: [],
      mutes: new MuteSet([], "2026-06-24"),
      extensionsPending: [],
      completionsPending: [],
    });
    expect(planned.map((p) => `${p.kind}:${p.subject}:${p.periodKey}`)).toEqual(["checkin_open:unit:10:2026-Q2"]);
    expect(planned[0]!.content).toMatchObject({ type: "checkin", duties: [{ id: 101 }, { id: 102 }] });
  });
});

describe("pause dates", () => {
  it.each([
    ["20/12/2026", { ok: true, date: "2026-12-20" }],
    ["5-1-2027", { ok: true, date: "2027-01-05" }],
    ["20.12.26", { ok: true, date: "2026-12-20" }],
    ["8/6/2026", { ok: true, date: MON }],
    ["1/3", { ok: true, date: "2027-03-01" }],
    ["31/02/2027", { ok: false, reason: "malformed" }],
    ["mai", { ok: false, reason: "malformed" }],
    ["2026-12-20", { ok: false, reason: "malformed" }],
    ["7/6/2026", { ok: false, reason: "past", date: "2026-06-07" }],
    ["1/1/2030", { ok: false, reason: "too_far", max: "2027-06-09" }],
  ])("%s", (input, expected) => {
    expect(parsePauseDate(input, MON)).toEqual(expected);
  });
});

describe("calendar, sending hours and pacing", () => {
  it("counts working days and names ISO weeks", () => {
    expect(calendar.countBetween("2026-06-05", "2026-06-15")).toBe(6);
    expect(calendar.after("2026-06-05")).toBe("2026-06-08");
    expect(calendar.onOrBefore("2026-06-07")).toBe("2026-06-05");
    expect(isoWeek(MON)).toEqual({ key: "2026-W24", monday: MON, sunday: "2026-06-14" });
    expect(isoWeek("2027-01-01").key).toBe("2026-W53");
  });

  it("counts working days over long spans and holidays like walking day by day", () => {
    const holidays = new WorkingCalendar(["2026-04-30", "2026-05-01", "2026-09-02", "2026-09-05"]);
    const walk = (from: string, to: string) => {
      let n = 0;
      for (let d = from; d < to; ) {
        d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);
        if (holidays.isWorkingDay(d)) n++;
      }
      return n;
    };
    for (const [from, to] of [
      ["2026-04-01", "2026-10-15"],
      ["2026-04-29", "2026-05-04"],
      ["2026-06-06", "2026-06-07"],
      ["2025-12-31", "2027-01-01"],
    ] as const) {
      expect(holidays.countBetween(from, to)).toBe(walk(from, to));
    }
  });

  it("the scan looks as far as the largest offset past the next working day", () => {
    expect(dueHorizon(MON, config, calendar)).toBe("2026-06-15");
    expect(dueHorizon("2026-06-12", config, calendar)).toBe("2026-06-21");
  });

  it("sends in working hours on working days only, unless configured", () => {
    const at = (iso: string) => new Date(iso);
    expect(isSendingTime(at("2026-06-08T01:00:00Z"), config, calendar)).toBe(true); // 08:00 Monday
    expect(isSendingTime(at("2026-06-08T15:00:00Z"), config, calendar)).toBe(false); // 22:00
    expect(isSendingTime(at("2026-06-06T03:00:00Z"), config, calendar)).toBe(false); // Saturday 10:00
    expect(isSendingTime(at("2026-06-06T03:00:00Z"), { ...config, sendOnDaysOff: true }, calendar)).toBe(true);
    // Friday 22:00 → Monday 07:00
    expect(nextSendingTime(at("2026-06-05T15:00:00Z"), config, calendar).toISOString()).toBe("2026-06-08T00:00:00.000Z");
  });

  it("spaces sends: the overall rate, one a second per chat, and a hold-off after 429", () => {
    const pacer = new SendPacer(25, 1000, 0);
    pacer.take("a", 0);
    expect(pacer.readyAt("b")).toBe(40);
    expect(pacer.readyAt("a")).toBe(1000);
    pacer.take("b", 40);
    pacer.holdOff("c", 5000, 2000);
    expect(pacer.readyAt("c")).toBe(5000);
    expect(pacer.readyAt("d")).toBe(2000);
  });

  it("a late wake-up is caught up, within the burst allowed, so the pace holds on average", () => {
    const pacer = new SendPacer(25, 1000, 2);
    let t = 0;
    for (let i = 0; i < 250; i++) {
      const chat = `c${i}`;
      t = Math.max(t, pacer.readyAt(chat)) + (i % 10 === 0 ? 30 : 0); // every tenth wake-up is 30 ms late
      pacer.take(chat, t);
    }
    expect(t).toBeLessThan(250 * 40 + 100);
    // never more than 25 + 2 in any second
    const p2 = new SendPacer(25, 1000, 2);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const at = p2.readyAt(`x${i}`);
      times.push(at);
      p2.take(`x${i}`, at);
    }
    for (const start of times) expect(times.filter((x) => x >= start && x < start + 1000).length).toBeLessThanOrEqual(27);
  });
});
