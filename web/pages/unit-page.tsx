/** @jsxImportSource hono/jsx */
import { roleLabel } from "../../bot/texts/common";
import { formatValue, goalLabel, periodLabelOf, standingOf } from "../../core/report/target";
import type { AssignmentStatus } from "../../core/status/derive";
import type { AssignmentView } from "../../db/queries/assignments";
import type { TargetList } from "../../db/queries/targets";
import type { UnitMember } from "../../db/queries/unit-view";
import type { WebViewer } from "../env";
import { deadlineText, formatDateTime, StatusBadge } from "../format";
import { Page } from "../layout";
import type { UnitChildPlans } from "../../db/queries/plan-chain";
import { chainTexts } from "../texts";
import { ChildPlanStatus, expectsChildPlans } from "./child-plans";

export interface UnitTaskRow {
  assignment: AssignmentView & { status: AssignmentStatus };
  /** Signed links to the report forms, when the viewer may report on it. */
  forms: { progress: string; completion: string; extension: string | null } | null;
}

const planLabel = (a: AssignmentView) => (a.planNumber ? `${a.planNumber} · ${a.planTitle}` : a.planTitle);

/** One task as a card, phone first: number, status, title, deadline as written and as a date, progress, full-width actions. */
function TaskCard(props: { row: UnitTaskRow; showPlan: boolean }) {
  const { assignment: a, forms } = props.row;
  return (
    <article class="task" id={`assignment-${a.id}`}>
      <p class="task-head">
        <span class="ref">Nhiệm vụ {a.ref}</span>
        <StatusBadge status={a.status} />
      </p>
      <h3>
        <a href={`/web/nhiem-vu/${a.taskId}`}>{a.title}</a>
        {a.role === "coop" && <span class="muted"> (phối hợp)</span>}
      </h3>
      {props.showPlan && <p class="muted">{planLabel(a)}</p>}
      <p class="deadline">Thời hạn: {deadlineText(a)}</p>
      <p class="progress">
        <progress max={100} value={a.progress} aria-label={`Tiến độ nhiệm vụ ${a.ref}`} /> {a.progress}%
      </p>
      {forms && (
        <div class="actions">
          <a class="button" href={forms.progress}>
            Báo cáo tiến độ
          </a>
          <a class="button" href={forms.completion}>
            Đã hoàn thành
          </a>
          {forms.extension && (
            <a class="button secondary" href={forms.extension}>
              Xin gia hạn
            </a>
          )}
        </div>
      )}
    </article>
  );
}

export function UnitPage(props: {
  viewer: WebViewer;
  unit: { id: number; name: string };
  rows: UnitTaskRow[];
  people: UnitMember[];
  /** Targets the unit records, each with its signed form when the viewer may record. */
  targets: { list: TargetList; forms: Map<number, string> };
  /** In a plan: the plans the unit issued to carry it out, or its planning task (issue 22). */
  childPlans?: UnitChildPlans | null;
  /** Today (Vietnam, yyyy-mm-dd), for a planning task past its deadline. */
  today?: string;
  /** The plan is read through a plan above it: nothing to fill in. */
  readOnly?: boolean;
}) {
  const plans = new Set(props.rows.map((r) => r.assignment.planId)).size;
  const { targets, values } = props.targets.list;
  return (
    <Page title={props.unit.name} viewer={props.viewer}>
      {props.readOnly && (
        <p class="notice" id="read-only">
          {chainTexts.readOnly}
        </p>
      )}
      {props.childPlans && expectsChildPlans([props.childPlans]).length > 0 && (
        <section id="unit-child-plans">
          <h2>{chainTexts.unitHeading}</h2>
          <ChildPlanStatus unit={props.childPlans} todayIso={props.today ?? ""} />
        </section>
      )}
      <h2>Nhiệm vụ ({props.rows.length})</h2>
      {props.rows.length === 0 ? (
        <p>Đơn vị chưa được giao nhiệm vụ nào.</p>
      ) : (
        <div id="unit-tasks" class="tasks">
          {props.rows.map((row) => (
            <TaskCard row={row} showPlan={plans > 1} />
          ))}
        </div>
      )}
      {targets.length > 0 && (
        <>
          <h2>Chỉ tiêu đơn vị phụ trách ({targets.length})</h2>
          <div id="unit-targets" class="tasks">
            {targets.map((target) => {
              const s = standingOf(
                target,
                values.filter((v) => v.targetId === target.id),
              );
              const form = props.targets.forms.get(target.id);
              return (
                <article class="task">
                  <h3>{target.text}</h3>
                  <p class="muted">Mục tiêu: {goalLabel(target) ?? "—"}</p>
                  <p>
                    Số liệu mới nhất:{" "}
                    {s.latest
                      ? `${formatValue(s.latest.value, target.unitOfMeasure)} (${periodLabelOf(s.latest.period)})`
                      : "chưa có"}
                  </p>
                  {form && (
                    <div class="actions">
                      <a class="button" href={form}>
                        Ghi số liệu
                      </a>
                    </div>
                  )}
                </article>
              );
            })}
          </div>
        </>
      )}
      <h2>Cán bộ ({props.people.length})</h2>
      <ul>
        {props.people.map((p) => (
          <li>
            {p.fullName} — {roleLabel[p.role]}
            <span class="muted">
              {p.lastReportAt ? ` · báo cáo gần nhất ${formatDateTime(p.lastReportAt)}` : " · chưa báo cáo lần nào"}
            </span>
          </li>
        ))}
      </ul>
    </Page>
  );
}
