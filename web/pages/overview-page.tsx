/** @jsxImportSource hono/jsx */
import { formatValue, goalLabel, periodLabelOf, standingOf } from "../../core/report/target";
import type { Bucket, Overview, UnitRow } from "../../db/queries/overview";
import type { PlanInfo } from "../../db/queries/plans";
import type { TargetList } from "../../db/queries/targets";
import type { SessionMember } from "../../db/queries/web-sessions";
import { TargetChart } from "../charts/target-chart";
import { UnitStatusChart } from "../charts/unit-status-chart";
import { CsrfField, Page } from "../layout";
import { planHref, unitHref } from "../plan-context";
import { bucketLabel } from "../texts";
import { daysBetween } from "../../core/time/vietnam-date";
import type { PlanParent, UnitChildPlans } from "../../db/queries/plan-chain";
import type { ParentCandidate } from "../../core/plan-chain";
import { ChildPlansSection, ParentLink } from "./child-plans";
import { chainTexts } from "../texts";

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function planName(plan: { number: string | null; title: string }): string {
  return plan.number ? `${plan.number} · ${plan.title}` : plan.title;
}

export function OverviewPage(props: {
  viewer: SessionMember;
  plan: PlanInfo;
  today: string;
  /** The same day as yyyy-mm-dd, for how long a unit is late. */
  todayIso: string;
  overview: Overview;
  buckets: Bucket[];
  units: UnitRow[];
  targets: TargetList;
  /** Per unit, the plans it issued to carry this one out (issue 22). */
  childPlans?: UnitChildPlans[];
  /** Read only through a plan above it: no forms. */
  readOnly?: boolean;
  /** The plan this one carries out, and the plans its managers may link it to instead (null: they may not). */
  parent?: PlanParent | null;
  parentCandidates?: ParentCandidate[] | null;
}) {
  const { overview: o, plan } = props;
  const done = o.counts.done_on_time + o.counts.done_late;
  return (
    <Page title="Tổng quan kế hoạch" viewer={props.viewer}>
      {props.readOnly && (
        <p class="notice" id="read-only">
          {chainTexts.readOnly}
        </p>
      )}
      <p>
        <b>{planName(plan)}</b>
        <br />
        <span class="muted">
          Ngày {props.today} · <span id="task-count">{`${o.tasks} nhiệm vụ, ${o.total} lượt giao cho các đơn vị`}</span>
        </span>
      </p>
      <div class="cards" id="counts">
        {props.buckets
          .filter((b) => o.counts[b] > 0)
          .map((b) => (
            <div class="card">
              <b>{o.counts[b]}</b>
              {bucketLabel[b]}
            </div>
          ))}
      </div>
      <p id="done-share">
        Hoàn thành: <b>{`${done}/${o.total}`}</b> ({percent(done, o.total)}%)
        {done > 0 && ` · đúng hạn ${o.counts.done_on_time}/${done} (${percent(o.counts.done_on_time, done)}%)`}
      </p>
      {!props.readOnly && (o.completionsPending > 0 || o.extensionsPending > 0) && (
        <p class="notice">
          Chờ duyệt: {o.completionsPending} báo cáo hoàn thành, {o.extensionsPending} đề nghị gia hạn.{" "}
          <a href="/web/duyet">Mở danh sách chờ duyệt</a>
        </p>
      )}

      <h2>Đơn vị quá hạn nhiều nhất</h2>
      {o.worstUnits.length === 0 ? (
        <p>Không có đơn vị nào quá hạn.</p>
      ) : (
        <ol id="worst-units">
          {o.worstUnits.map((u) => (
            <li>
              <a href={unitHref(plan.id, u.unitId)}>{u.unitName}</a> —{" "}
              <span class="overdue">
                {u.count} quá hạn, lâu nhất {daysBetween(u.oldestDue, props.todayIso)} ngày
              </span>
            </li>
          ))}
        </ol>
      )}

      <h2>Tình trạng theo đơn vị</h2>
      <UnitStatusChart units={props.units} unitHref={(unitId) => unitHref(plan.id, unitId)} />
      <table>
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Lượt giao</th>
            <th>Quá hạn</th>
            <th>Hoàn thành</th>
          </tr>
        </thead>
        <tbody>
          {props.units.map((u) => (
            <tr>
              <td>
                <a href={unitHref(plan.id, u.unitId)}>{u.unitName}</a>
              </td>
              <td>{u.total}</td>
              <td class={u.overdue > 0 ? "overdue" : ""}>{u.overdue}</td>
              <td>{u.done}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <ParentLink
        viewer={props.viewer}
        planId={plan.id}
        parent={props.parent ?? null}
        candidates={props.readOnly ? null : (props.parentCandidates ?? null)}
      />
      <ChildPlansSection planId={plan.id} units={props.childPlans ?? []} todayIso={props.todayIso} />

      {!props.readOnly && props.viewer.role === "admin" && props.plan.monitorUnitId === props.viewer.unitId && (
        <AddTaskForm viewer={props.viewer} units={props.units} planId={plan.id} />
      )}

      <h2>Chỉ tiêu</h2>
      {props.targets.targets.length === 0 ? <p>Kế hoạch không có chỉ tiêu.</p> : <TargetsTable targets={props.targets} />}
    </Page>
  );
}

function TargetsTable(props: { targets: TargetList }) {
  const { targets, values } = props.targets;
  return (
    <>
      <table id="targets">
        <thead>
          <tr>
            <th>Chỉ tiêu</th>
            <th>Mục tiêu</th>
            <th>Số liệu mới nhất</th>
            <th>Đạt?</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => {
            const s = standingOf(
              target,
              values.filter((v) => v.targetId === target.id),
            );
            return (
              <tr>
                <td>{target.text}</td>
                <td>{goalLabel(target) ?? "—"}</td>
                <td>
                  {s.latest
                    ? `${formatValue(s.latest.value, target.unitOfMeasure)} (${periodLabelOf(s.latest.period)})`
                    : "Chưa có số liệu"}
                </td>
                <td>{s.met === null ? "—" : s.met ? "Đạt" : "Chưa đạt"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {targets.map((target) => {
        const s = standingOf(
          target,
          values.filter((v) => v.targetId === target.id),
        );
        if (s.series.length === 0) return null;
        return (
          <figure>
            <figcaption>{target.text}</figcaption>
            <TargetChart title={target.text} series={s.series} goal={target.value} unit={target.unitOfMeasure} />
          </figure>
        );
      })}
    </>
  );
}

function AddTaskForm(props: { viewer: SessionMember; units: UnitRow[]; planId: number }) {
  return (
    <details>
      <summary>Thêm nhiệm vụ vào kế hoạch</summary>
      <form method="post" action={planHref(props.planId, "/them-nhiem-vu")} class="stack">
        <CsrfField viewer={props.viewer} />
        <label for="new-title">Tên nhiệm vụ</label>
        <textarea id="new-title" name="title" required maxlength={2000}></textarea>
        <label for="new-unit">Đơn vị chủ trì</label>
        <select id="new-unit" name="unitId" required>
          {props.units.map((u) => (
            <option value={String(u.unitId)}>{u.unitName}</option>
          ))}
        </select>
        <label for="new-deadline">Thời hạn (như 30/6/2026, quý III/2026, thường xuyên)</label>
        <input id="new-deadline" name="deadline" maxlength={200} />
        <button type="submit">Thêm nhiệm vụ</button>
      </form>
    </details>
  );
}
