/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { buildExportFile } from "../../bot/export-file";
import { canReadPlan } from "../../core/access/policy";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { exportSource } from "../../db/queries/export";
import { exportEnqueuer, exportInlineMaxRows } from "../../services/export-job";
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
  if (!plan || !canReadPlan(actorOf(c), plan))
    return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  return c.html(
    <Page title="Xuất báo cáo" viewer={viewer}>
      <p>{planName(plan)}</p>
      <p>
        <a href="/web/xuat/bao-cao.xlsx">Tải báo cáo Excel (.xlsx)</a> — tổng hợp theo đơn vị, chỉ tiêu, toàn bộ nhiệm vụ, nhiệm
        vụ quá hạn, mỗi đơn vị một trang.
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
  if (!plan || !canReadPlan(actorOf(c), plan))
    return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  const format = c.req.param("file").endsWith(".csv") ? "csv" : "xlsx";
  const source = await exportSource(c.env.DB, plan.id);
  if (source.units.length === 0)
    return c.html(
      <MessagePage
        title="Xuất báo cáo"
        message="Kế hoạch chưa giao nhiệm vụ cho đơn vị nào, chưa có gì để xuất."
        viewer={viewer}
        kind="notice"
      />,
      404,
    );
  // A large plan is built by the queue, as from chat: the link arrives in the member's chat.
  const rows = source.units.reduce((n, u) => n + u.count, 0);
  const enqueueExport = exportEnqueuer(c.env);
  if (enqueueExport && rows > exportInlineMaxRows(c.env)) {
    await enqueueExport({ planId: plan.id, memberId: viewer.memberId, format });
    return c.html(
      <MessagePage
        title="Xuất báo cáo"
        message={`Kế hoạch có ${rows.toLocaleString("vi-VN")} nhiệm vụ giao cho đơn vị: báo cáo đang được lập và sẽ được gửi vào chat của đồng chí khi xong (thường vài phút).`}
        viewer={viewer}
        kind="notice"
      />,
      202,
    );
  }
  const now = new Date();
  const file = await buildExportFile(createDb(c.env.DB), plan, source, format, now);
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : file.mime,
    "content-disposition": `attachment; filename="${file.name}"`,
    "x-report-date": formatDate(vietnamDate(now)),
  });
});
