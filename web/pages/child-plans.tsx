/** @jsxImportSource hono/jsx */
import { childPlanName } from "../../core/plan-chain";
import { formatDate, vietnamDate } from "../../core/time/vietnam-date";
import type { ChildPlanProgress, PlanParent, UnitChildPlans } from "../../db/queries/plan-chain";
import { planHref, unitHref } from "../plan-context";
import type { ParentCandidate } from "../../core/plan-chain";
import type { SessionMember } from "../../db/queries/web-sessions";
import { CsrfField } from "../layout";
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

/** A plan above as a picker names it: "Kế hoạch số … của <issuer>". */
export const parentLabel = (parent: { number: string | null; title: string; issuedOn: string | null; issuerName: string }) =>
  `${childPlanName(parent)} của ${parent.issuerName}`;

/**
 * The plan this one carries out, and for its managers a form to link it to
 * another plan above (or to none): plans imported before linking, or linked
 * to the wrong parent.
 */
export function ParentLink(props: {
  viewer: SessionMember;
  planId: number;
  parent: PlanParent | null;
  /** Plans it may carry out; null: the viewer may not change the link. */
  candidates: ParentCandidate[] | null;
}) {
  const { parent, candidates } = props;
  if (!parent && (candidates === null || candidates.length === 0)) return null;
  return (
    <section id="parent-plan">
      <h2>{t.parentHeading}</h2>
      <p>
        {parent ? (
          <>
            {t.implementsLabel} <a href={planHref(parent.id)}>{childPlanName(parent)}</a> {t.of} {parent.issuerName}
          </>
        ) : (
          t.noParent
        )}
      </p>
      {candidates && candidates.length > 0 && (
        <details>
          <summary>{t.changeParent}</summary>
          <form method="post" action={planHref(props.planId, "/ke-hoach-cap-tren")} class="stack">
            <CsrfField viewer={props.viewer} />
            <label for="parent-pick">{t.parentSelect}</label>
            <select id="parent-pick" name="parent">
              <option value="0" selected={!parent}>
                {t.parentNoLink}
              </option>
              {candidates.map((c) => (
                <option value={String(c.planId)} selected={parent?.id === c.planId}>
                  {parentLabel(c)}
                </option>
              ))}
            </select>
            <button type="submit">{t.parentSave}</button>
          </form>
        </details>
      )}
    </section>
  );
}
