/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { exportTexts } from "../../bot/texts";
import { canReadPlan } from "../../core/access/policy";
import { csvBytes } from "../../core/report/csv";
import { exportReport } from "../../core/report/export";
import { foldText } from "../../core/text/fold";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { buildWorkbook } from "../../core/xlsx";
import { createDb } from "../../db/client";
import { exportSource } from "../../db/queries/export";
import { planTargets } from "../../db/queries/targets";
import type { WebEnv } from "../env";
import { isOffice, MessagePage, Page } from "../layout";
import { planName } from "../pages/overview-page";
import { actorOf, currentPlan } from "../plan-context";
import { webTexts as t } from "../texts";

/** /web/xuat — the plan's report as .xlsx or CSV, built as /xuat builds it in chat (core/report, core/xlsx). */
export const exportRoutes = new Hono<WebEnv>();

exportRoutes.get("/xuat", async (c) => {
  const viewer = c.var.viewer;
  const plan = isOffice(viewer) ? await currentPlan(c) : null;
  if (!plan || !canReadPlan(actorOf(c), plan)) return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  return c.html(
    <Page title="Xuất báo cáo" viewer={viewer}>
      <p>{planName(plan)}</p>
      <p>
        <a href="/web/xuat/bao-cao.xlsx">Tải báo cáo Excel (.xlsx)</a> — tổng hợp theo đơn vị, chỉ tiêu, toàn bộ nhiệm vụ, nhiệm vụ quá hạn, mỗi đơn vị một trang.
      </p>
      <p>
        <a href="/web/xuat/bao-cao.csv">Tải bảng CSV</a> — mở được bằng mọi bảng tính (UTF-8).
      </p>
    </Page>,
  );
});

exportRoutes.get("/xuat/:file{bao-cao\\.(?:xlsx|csv)}", async (c) => {
  const viewer = c.var.viewer;
  const plan = isOffice(viewer) ? await currentPlan(c) : null;
  if (!plan || !canReadPlan(actorOf(c), plan)) return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  const format = c.req.param("file").endsWith(".csv") ? "csv" : "xlsx";
  const now = new Date();
  const today = vietnamDate(now);
  const [source, list] = await Promise.all([exportSource(c.env.DB, plan.id), planTargets(createDb(c.env.DB), plan.id)]);
  if (source.units.length === 0) return c.html(<MessagePage title="Xuất báo cáo" message="Kế hoạch chưa giao nhiệm vụ cho đơn vị nào, chưa có gì để xuất." viewer={viewer} kind="notice" />, 404);
  const targets = list.targets.map((target) => ({ ...target, values: list.values.filter((v) => v.targetId === target.id) }));
  const report = exportReport(source, today, exportTexts, targets);
  const slug = foldText(plan.number ?? plan.title).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "ke-hoach";
  const name = `bao-cao-${slug}-${today}.${format}`;
  const bytes = format === "csv" ? await csvBytes(report.csvHeader, report.csvRows()) : await buildWorkbook(report.sheets, { modified: now });
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "content-disposition": `attachment; filename="${name}"`,
    "x-report-date": formatDate(today),
  });
});
