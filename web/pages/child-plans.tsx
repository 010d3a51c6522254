/** @jsxImportSource hono/jsx */
import { childPlanName } from "../../core/plan-chain";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import type { ChildPlanProgress, UnitChildPlans } from "../../db/queries/plan-chain";
import { planHref, unitHref } from "../plan-context";
import { chainTexts as t } from "../texts";

/** The units a plan expects a plan of their own from, or that linked one. */
export function expectsChildPlans(units: UnitChildPlans[]): UnitChildPlans[] {
  return units.filter((u) => u.plans.length > 0 || u.planningTask !== null);
}

export function ChildPlan(props: { plan: ChildPlanProgress }) {
  const p = props.plan;
  const when = p.issuedOn ? "" : ` (${t.imported(formatDate(vietnamDate(new Date(p.createdAt))))})`;
  return (
    <span class="child-plan">
      <a href={planHref(p.id)}>{childPlanName(p)}</a>
      {when} <span class="muted">· {t.progress(p.done, p.assignments, p.doneOnTime, p.overdue)}</span>
      {p.overdue > 0 && <span class="overdue"> ⚠</span>}
    </span>
  );
}

/** What a unit has issued for this plan, or what it still owes and by when. */
export function ChildPlanStatus(props: { unit: UnitChildPlans; todayIso: string }) {
  const { unit } = props;
  if (unit.plans.length > 0)
    return (
      <div class="issued">
        <b>{t.issued}</b>:{" "}
        {unit.plans.map((p, i) => (
          <>
            {i > 0 && "; "}
            <ChildPlan plan={p} />
          </>
        ))}
      </div>
    );
  const task = unit.planningTask;
  const late = task?.due && task.due < props.todayIso && (task.state === "open" || task.state === "in_progress");
  return (
    <div class="not-issued">
      <b>{t.notIssued}</b>
      {task?.due && ` (${t.planningDue(formatDate(task.due))}`}
      {task?.due && late && (
        <>
          , <span class="overdue">{t.overdue}</span>
        </>
      )}
      {task?.due && ")"}
      {task?.state === "awaiting_confirmation" && <span class="muted"> · {t.awaiting}</span>}
    </div>
  );
}

/** The parent plan's overview: one row per unit expected to issue its plan. */
export function ChildPlansSection(props: { planId: number; units: UnitChildPlans[]; todayIso: string }) {
  const units = expectsChildPlans(props.units);
  if (units.length === 0) return null;
  return (
    <section id="child-plans">
      <h2>{t.heading}</h2>
      <p class="muted">{t.help}</p>
      <table>
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Kế hoạch thực hiện</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr id={`child-plans-${u.unitId}`}>
              <td>
                <a href={unitHref(props.planId, u.unitId)}>{u.unitName}</a>
              </td>
              <td>
                <ChildPlanStatus unit={u} todayIso={props.todayIso} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
