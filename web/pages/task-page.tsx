/** @jsxImportSource hono/jsx */
import type { AssignmentStatus } from "../../core/status/derive";
import { formatDate } from "../../core/time/vietnam-date";
import type { TaskAssignment, TaskDetail, TaskHistory } from "../../db/queries/task-view";
import type { SessionMember } from "../../db/queries/web-sessions";
import { deadlineText, formatDateTime, StatusBadge } from "../format";
import { auditDetailLines } from "../audit-detail";
import { TITLE_MAX } from "../../core/plan-import/table-edits";
import type { ChildPlanProgress } from "../../db/queries/plan-chain";
import { CsrfField, Page } from "../layout";
import { ChildPlan } from "./child-plans";
import { chainTexts, thousands } from "../texts";
import { unitHref } from "../plan-context";

const reportKind = { progress: "Báo cáo tiến độ", completion: "Báo cáo hoàn thành", checkin: "Báo cáo định kỳ" } as const;
const review = { pending: "chờ xác nhận", confirmed: "đã xác nhận", returned: "bị trả lại" } as const;
const extension = { pending: "chờ quyết định", approved: "đã đồng ý", refused: "bị từ chối" } as const;
const auditAction: Record<string, string> = {
  "task.edit": "Sửa nhiệm vụ",
  "task.add": "Thêm nhiệm vụ",
  "task.withdraw": "Rút nhiệm vụ",
  "task.checkin_every": "Đổi kỳ báo cáo",
  "alert.manual": "Nhắc việc",
};

interface Event {
  at: string;
  who: string;
  what: string;
  detail: string | null;
  /** An edit's fields, "Tên: … → …". */
  changes?: string[];
  unit: string | null;
  files: { name: string; href: string | null }[];
}

function timeline(h: TaskHistory, fileLinks: Map<string, string>): Event[] {
  const events: Event[] = [];
  for (const r of h.reports) {
    const reviewed = r.reviewStatus
      ? ` (${review[r.reviewStatus]}${r.reviewerName ? ` bởi ${r.reviewerName}` : ""}${r.reviewNote ? `: ${r.reviewNote}` : ""})`
      : "";
    events.push({
      at: r.createdAt,
      who: r.memberName,
      what: `${reportKind[r.kind]}${r.percent !== null ? ` ${r.percent}%` : ""}${reviewed}`,
      detail: r.note,
      unit: r.unitName,
      files: (r.evidence ?? []).map((e) => ({ name: e.name ?? "Tệp đính kèm", href: fileLinks.get(e.fileId) ?? null })),
    });
  }
  for (const e of h.extensions) {
    events.push({
      at: e.createdAt,
      who: e.requesterName,
      what: `Xin gia hạn ${e.originalDue ? formatDate(e.originalDue) : "—"} → ${formatDate(e.proposedDue)} (${extension[e.status]}${e.deciderName ? ` bởi ${e.deciderName}` : ""})`,
      detail: e.reason,
      unit: e.unitName,
      files: [],
    });
  }
  for (const a of h.audit) {
    events.push({
      at: a.createdAt,
      who: a.actorName ?? "Hệ thống",
      what: auditAction[a.action] ?? a.action,
      detail: null,
      changes: auditDetailLines(a.detail),
      unit: null,
      files: [],
    });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

export function TaskPage(props: {
  viewer: SessionMember;
  task: TaskDetail;
  plan: { id: number; number: string | null; title: string };
  assignments: (TaskAssignment & { status: AssignmentStatus })[];
  history: TaskHistory;
  fileLinks: Map<string, string>;
  canEdit: boolean;
  /** Per assignment, the plans its unit issued to carry it out (issue 22). */
  childPlans?: Map<number, ChildPlanProgress[]>;
  /** The reader follows the whole plan: unit links go to the plan's unit pages. */
  officeView: boolean;
  notice: string | null;
  /** What was typed in the edit form and why it was refused. */
  edit?: EditState | null;
}) {
  const { task } = props;
  const events = timeline(props.history, props.fileLinks);
  return (
    <Page title={`Nhiệm vụ ${task.ref}`} viewer={props.viewer}>
      {props.notice && <p class="ok">{props.notice}</p>}
      <p id="task-title">
        <b>{task.title}</b>
      </p>
      <p class="muted">
        {task.section ? `${task.section} · ` : ""}Thời hạn: {deadlineText(task)}
      </p>
      <h2>Đơn vị thực hiện</h2>
      <table>
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Tình trạng</th>
            <th>Tiến độ</th>
            <th>Hạn áp dụng</th>
          </tr>
        </thead>
        <tbody>
          {props.assignments.map((a) => (
            <tr>
              <td>
                <a href={unitHref(props.officeView ? props.plan.id : null, a.unitId)}>{a.unitName}</a>
                <span class="muted"> ({a.role === "lead" ? "chủ trì" : "phối hợp"})</span>
                {(props.childPlans?.get(a.id) ?? []).map((plan) => (
                  <div class="carried-out">
                    {chainTexts.carriedOutBy} <ChildPlan plan={plan} />
                  </div>
                ))}
              </td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td>{a.progress}%</td>
              <td>{a.dueOverride ? `${formatDate(a.dueOverride)} (đã gia hạn)` : task.dueOn ? formatDate(task.dueOn) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Toàn bộ lịch sử</h2>
      {events.length === 0 ? (
        <p>Chưa có báo cáo hay thay đổi nào.</p>
      ) : (
        <ol id="history">
          {events.map((e) => (
            <li>
              <span class="muted">{formatDateTime(e.at)}</span> · <b>{e.who}</b>
              {e.unit ? ` (${e.unit})` : ""}: {e.what}
              {e.detail && <div>«{e.detail}»</div>}
              {e.changes && e.changes.length > 0 && (
                <ul class="changes">
                  {e.changes.map((line) => (
                    <li>{line}</li>
                  ))}
                </ul>
              )}
              {e.files.length > 0 && (
                <div>
                  Tệp: {e.files.map((f) => (f.href ? <a href={f.href}>{f.name} </a> : <span>{f.name} (trong Telegram) </span>))}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {props.canEdit && (
        <EditTaskForm
          task={task}
          viewer={props.viewer}
          edit={props.edit ?? null}
          withdrawable={props.history.reports.length === 0 && props.history.extensions.length === 0}
        />
      )}
    </Page>
  );
}

export interface EditState {
  title: string;
  deadline: string;
  error: string;
}

function EditTaskForm(props: { task: TaskDetail; viewer: SessionMember; edit: EditState | null; withdrawable: boolean }) {
  const { task, edit } = props;
  return (
    <>
      <h2 id="sua">Sửa nhiệm vụ</h2>
      {edit && (
        <p class="error" role="alert" id="edit-error">
          {edit.error}
        </p>
      )}
      <form method="post" action={`/web/nhiem-vu/${task.id}/sua#sua`} class="stack">
        <CsrfField viewer={props.viewer} />
        <label for="title">Tên nhiệm vụ (tối đa {thousands(TITLE_MAX)} ký tự)</label>
        <textarea id="title" name="title" required rows={4}>
          {edit ? edit.title : task.title}
        </textarea>
        <label for="deadline">Thời hạn (như 30/6/2026, quý III/2026, năm 2026, thường xuyên; để trống nếu không có hạn)</label>
        <input id="deadline" name="deadline" value={edit ? edit.deadline : (task.deadlineText ?? "")} maxlength={200} />
        <button type="submit">Lưu thay đổi</button>
      </form>
      {props.withdrawable ? (
        <p>
          <a class="button secondary" href={`/web/nhiem-vu/${task.id}/rut`}>
            Rút nhiệm vụ khỏi kế hoạch…
          </a>
          <span class="muted">Chỉ rút được nhiệm vụ chưa có báo cáo nào; lịch sử thay đổi vẫn được ghi lại.</span>
        </p>
      ) : (
        <p class="muted">Nhiệm vụ đã có báo cáo hoặc đề nghị gia hạn nên không rút được; hãy sửa tên hoặc thời hạn nếu cần.</p>
      )}
    </>
  );
}

/** "Rút nhiệm vụ" asks first: what goes, what stays, and a way back. */
export function WithdrawConfirmPage(props: { viewer: SessionMember; task: TaskDetail; units: string[] }) {
  const { task } = props;
  return (
    <Page title={`Rút nhiệm vụ ${task.ref}?`} viewer={props.viewer}>
      <p>
        <b>{task.title}</b>
      </p>
      <p class="notice">
        Nhiệm vụ sẽ bị rút khỏi kế hoạch; {props.units.length > 0 ? `đơn vị ${props.units.join(", ")}` : "các đơn vị"} được báo
        trong chat và không phải báo cáo việc này nữa. Việc rút được ghi vào nhật ký, không hoàn tác được.
      </p>
      <div class="actions">
        <form method="post" action={`/web/nhiem-vu/${task.id}/rut`}>
          <CsrfField viewer={props.viewer} />
          <button type="submit">Rút nhiệm vụ</button>
        </form>
        <a class="button secondary" href={`/web/nhiem-vu/${task.id}`}>
          Không rút, quay lại nhiệm vụ
        </a>
      </div>
    </Page>
  );
}
