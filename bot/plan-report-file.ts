import { DEFAULT_SOON_DAYS } from "../core/status/derive";
import { layoutOf, type ReportLayout } from "../core/plan-report/layout";
import type { ReportData } from "../core/plan-report/data";
import { LIST_MAX, planName, reportDoc, type ReportDoc } from "../core/plan-report/content";
import { reportDocx } from "../core/plan-report/docx";
import { nextPeriod, type ReportPeriod } from "../core/plan-report/period";
import { implementsPlan } from "../core/plan-chain";
import { targetsAsOf } from "../core/plan-report/targets";
import { foldText } from "../core/text/fold";
import { addDays, daysBetween, formatDate, vietnamDate } from "../core/time/vietnam-date";
import type { Db } from "../db/client";
import { endOfVietnamDay } from "../db/queries/as-of";
import { planOverview } from "../db/queries/overview";
import { reportLists } from "../db/queries/plan-report";
import type { StatementStats } from "../db/queries/stats";
import { planTargets } from "../db/queries/targets";
import { escapeHtml } from "./render/html";

export interface ReportRequest {
  planId: number;
  period: ReportPeriod;
  /** The admin's choice; otherwise decided from the issuing unit (core/plan-report/layout). */
  layout?: ReportLayout;
  now: Date;
  /** A committee member's units in charge: the report covers only these. */
  scope?: { memberName: string; unitIds: number[] };
}

export type ReportResult =
  | { ok: true; data: ReportData; doc: ReportDoc; stats: StatementStats[] }
  | { ok: false; reason: "no_plan" | "future" }
  /** No rule tells the layout from the issuing unit's name: the admin picks. */
  | { ok: false; reason: "layout"; issuer: string };

/**
 * The report's data as of the period's end (the present instant while the
 * period runs), from the overview's queries, and its content: what the
 * .docx, the web preview and the queue's job all show.
 */
export async function planReport(db: Db, r: ReportRequest): Promise<ReportResult> {
  const d1 = db.$client;
  const today = vietnamDate(r.now);
  if (r.period.from > today) return { ok: false, reason: "future" };
  const ended = r.period.to < today;
  const asOfDate = ended ? r.period.to : today;
  const asOf = ended ? endOfVietnamDay(r.period.to) : r.now.toISOString();
  const soonUntil = addDays(asOfDate, DEFAULT_SOON_DAYS);
  const next = nextPeriod(r.period);
  const unitIds = r.scope?.unitIds;
  const [overview, lists, targets] = await Promise.all([
    planOverview(d1, { planId: r.planId, today: asOfDate, soonUntil, asOf, unitIds }),
    reportLists(d1, {
      planId: r.planId,
      today: asOfDate,
      soonUntil,
      asOf,
      unitIds,
      nextFrom: next.from,
      nextTo: next.to,
      listMax: LIST_MAX,
    }),
    planTargets(db, r.planId),
  ]);
  if (!lists.plan) return { ok: false, reason: "no_plan" };
  const layout = r.layout ?? layoutOf(lists.issuerNames);
  if (!layout) return { ok: false, reason: "layout", issuer: lists.issuerNames[0] ?? "" };
  const [issuerName = "", ...parents] = lists.issuerNames;
  const inScope = (unitId: number | null) => !unitIds || (unitId !== null && unitIds.includes(unitId));
  const data: ReportData = {
    plan: lists.plan,
    issuer: { name: issuerName, parents },
    layout,
    period: r.period,
    asOf: asOfDate,
    draftedOn: today,
    counts: overview.counts,
    total: overview.total,
    completionsPending: overview.completionsPending,
    extensionsPending: overview.extensionsPending,
    units: lists.units,
    subPlans: lists.subPlans.filter((p) => implementsPlan(p.implementsText, lists.plan!.number)),
    // A member in charge of units sees the targets those units are responsible for.
    targets: targetsAsOf(
      targets.targets.filter((t) => !unitIds || inScope(t.responsibleUnitId)),
      targets.values,
      asOf,
      asOfDate,
    ),
    overdue: lists.overdue.map((o) => ({
      ref: o.ref,
      title: o.title,
      unitName: o.unitName,
      due: o.due,
      daysOverdue: daysBetween(o.due, asOfDate),
      lastReportOn: o.lastReportAt ? vietnamDate(new Date(o.lastReportAt)) : null,
      lastReportNote: o.lastReportNote,
    })),
    overdueTotal: lists.overdue[0]?.total ?? 0,
    silentUnits: lists.silentUnits,
    next: { label: next.label, tasks: lists.next, total: lists.next[0]?.total ?? 0 },
    scope: r.scope ? { memberName: r.scope.memberName, unitNames: lists.units.map((u) => u.unitName) } : null,
  };
  return { ok: true, data, doc: reportDoc(data), stats: [...overview.stats, ...lists.stats] };
}

export interface ReportFile {
  bytes: Uint8Array;
  name: string;
  mime: string;
  /** HTML. */
  caption: string;
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function reportFile(data: ReportData, doc: ReportDoc, now: Date): Promise<ReportFile> {
  const bytes = await reportDocx(doc, { modified: now, title: `Báo cáo kết quả thực hiện ${planName(data.plan)}` });
  return { bytes, name: reportFileName(data), mime: DOCX_MIME, caption: reportCaption(data) };
}

/** bao-cao-ket-qua-45-kh-hu-2026-q2.docx: ASCII, so every phone and mail client keeps it. */
export function reportFileName(data: ReportData): string {
  const slug = foldText(data.plan.number ?? data.plan.title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `bao-cao-ket-qua-${slug || "ke-hoach"}-${data.period.code.toLowerCase()}.docx`;
}

function reportCaption(data: ReportData): string {
  return (
    `📄 Dự thảo báo cáo kết quả thực hiện ${escapeHtml(planName(data.plan))} (${escapeHtml(data.period.label)}), số liệu đến hết ngày ${formatDate(data.asOf)}.\n` +
    "Đồng chí điền số văn bản, bổ sung phần nguyên nhân và phương hướng trước khi trình ký."
  );
}
