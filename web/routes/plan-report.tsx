/** @jsxImportSource hono/jsx */
import { Hono, type Context } from "hono";
import { planReport, reportFile } from "../../bot/plan-report-file";
import { canReadPlan } from "../../core/access/policy";
import { layoutOf } from "../../core/plan-report/layout";
import { parseReportPeriod, periodChoices, periodFromCode, type ReportPeriod } from "../../core/plan-report/period";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { createDb } from "../../db/client";
import { exportUnits } from "../../db/queries/export";
import { planIssuerNames } from "../../db/queries/plan-report";
import type { PlanInfo } from "../../db/queries/plans";
import { exportEnqueuer, exportInlineMaxRows } from "../../services/export-job";
import type { WebEnv } from "../env";
import { isOffice, MessagePage } from "../layout";
import { planName } from "../pages/overview-page";
import { ReportForm, ReportPreview, type ReportQuery } from "../pages/report-page";
import { actorOf, currentPlan } from "../plan-context";
import { webTexts as t } from "../texts";

/**
 * /web/bao-cao — the báo cáo kết quả thực hiện: a form with the period, an
 * HTML preview of the same content the .docx holds, and the download. A
 * large plan's file is built by the queue and its link sent in chat, as the
 * export's is.
 */
export const planReportRoutes = new Hono<WebEnv>();

type Ctx = Context<WebEnv>;

async function readablePlan(c: Ctx): Promise<PlanInfo | null> {
  const plan = isOffice(c.var.viewer) ? await currentPlan(c) : null;
  return plan && canReadPlan(actorOf(c), plan) ? plan : null;
}

function queryOf(c: Ctx): ReportQuery {
  const layout = c.req.query("the-thuc");
  return {
    ky: (c.req.query("ky") ?? "").slice(0, 20),
    tu: (c.req.query("tu") ?? "").slice(0, 10),
    den: (c.req.query("den") ?? "").slice(0, 10),
    theThuc: layout === "party" || layout === "state" ? layout : "",
  };
}

/** Two dates win over the list; dates come as yyyy-mm-dd from the date inputs. */
function periodOf(q: ReportQuery): ReportPeriod | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (iso.test(q.tu) && iso.test(q.den)) return parseReportPeriod(`${formatDate(q.tu)}-${formatDate(q.den)}`);
  return periodFromCode(q.ky);
}

function search(q: ReportQuery): string {
  const params = new URLSearchParams({ ky: q.ky, tu: q.tu, den: q.den, "the-thuc": q.theThuc });
  return params.toString();
}

const forbidden = (c: Ctx) =>
  c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={c.var.viewer} />, 403);

function form(c: Ctx, plan: PlanInfo, q: ReportQuery, message?: { kind: "error" | "notice"; text: string }, status = 200) {
  const choices = periodChoices(vietnamDate(new Date()));
  const query = q.ky ? q : { ...q, ky: choices[0]!.code };
  return c.html(
    <ReportForm viewer={c.var.viewer} planName={planName(plan)} choices={choices} query={query} message={message} />,
    status as 200,
  );
}

planReportRoutes.get("/bao-cao", async (c) => {
  const plan = await readablePlan(c);
  if (!plan) return forbidden(c);
  return form(c, plan, queryOf(c));
});

/** What both the preview and the download need: the period and the layout, or the form again with why not. */
async function resolve(c: Ctx, plan: PlanInfo, q: ReportQuery) {
  const period = periodOf(q);
  if (!period)
    return {
      page: form(
        c,
        plan,
        q,
        {
          kind: "error",
          text: "Kỳ báo cáo không hợp lệ: chọn một kỳ, hoặc điền đủ từ ngày, đến ngày (từ ngày không sau đến ngày).",
        },
        400,
      ),
    };
  if (period.from > vietnamDate(new Date()))
    return { page: form(c, plan, q, { kind: "error", text: "Kỳ này chưa bắt đầu nên chưa có số liệu." }, 400) };
  const layout = q.theThuc || layoutOf(await planIssuerNames(c.env.DB, plan.id));
  if (!layout)
    return {
      page: form(c, plan, q, {
        kind: "notice",
        text: "Chưa xác định được thể thức văn bản của cơ quan ban hành kế hoạch: đồng chí chọn thể thức rồi xem trước.",
      }),
    };
  return { period, layout };
}

planReportRoutes.get("/bao-cao/xem", async (c) => {
  const plan = await readablePlan(c);
  if (!plan) return forbidden(c);
  const q = queryOf(c);
  const resolved = await resolve(c, plan, q);
  if ("page" in resolved) return resolved.page;
  const built = await planReport(createDb(c.env.DB), {
    planId: plan.id,
    period: resolved.period,
    layout: resolved.layout,
    now: new Date(),
  });
  if (!built.ok) return form(c, plan, q, { kind: "error", text: "Không lập được báo cáo cho kỳ này." }, 400);
  const qs = search({ ...q, theThuc: resolved.layout });
  return c.html(
    <ReportPreview
      viewer={c.var.viewer}
      doc={built.doc}
      downloadHref={`/web/bao-cao/tai?${qs}`}
      backHref={`/web/bao-cao?${qs}`}
    />,
  );
});

planReportRoutes.get("/bao-cao/tai", async (c) => {
  const viewer = c.var.viewer;
  const plan = await readablePlan(c);
  if (!plan) return forbidden(c);
  const q = queryOf(c);
  const resolved = await resolve(c, plan, q);
  if ("page" in resolved) return resolved.page;
  const { units } = await exportUnits(c.env.DB, plan.id);
  const rows = units.reduce((n, u) => n + u.count, 0);
  const enqueueExport = exportEnqueuer(c.env);
  if (enqueueExport && rows > exportInlineMaxRows(c.env)) {
    await enqueueExport({
      planId: plan.id,
      memberId: viewer.memberId,
      format: "docx",
      period: resolved.period.code,
      layout: resolved.layout,
    });
    return c.html(
      <MessagePage
        title="Lập báo cáo"
        message={`Kế hoạch có ${rows.toLocaleString("vi-VN")} nhiệm vụ giao cho đơn vị: báo cáo đang được lập và sẽ được gửi vào chat của đồng chí khi xong (thường vài phút).`}
        viewer={viewer}
        kind="notice"
      />,
      202,
    );
  }
  const now = new Date();
  const built = await planReport(createDb(c.env.DB), { planId: plan.id, period: resolved.period, layout: resolved.layout, now });
  if (!built.ok) return form(c, plan, q, { kind: "error", text: "Không lập được báo cáo cho kỳ này." }, 400);
  const file = await reportFile(built.data, built.doc, now);
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": file.mime,
    "content-disposition": `attachment; filename="${file.name}"`,
  });
});
