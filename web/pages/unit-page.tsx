/** @jsxImportSource hono/jsx */
import { roleLabel } from "../../bot/texts/common";
import type { AssignmentStatus } from "../../core/status/derive";
import type { AssignmentView } from "../../db/queries/assignments";
import type { UnitMember } from "../../db/queries/unit-view";
import type { SessionMember } from "../../db/queries/web-sessions";
import { deadlineText, formatDateTime, StatusBadge } from "../format";
import { Page } from "../layout";

export interface UnitTaskRow {
  assignment: AssignmentView & { status: AssignmentStatus };
  /** Signed links to the report forms, when the viewer may report on it. */
  forms: { progress: string; completion: string; extension: string | null } | null;
}

export function UnitPage(props: {
  viewer: SessionMember;
  unit: { id: number; name: string };
  rows: UnitTaskRow[];
  people: UnitMember[];
}) {
  return (
    <Page title={props.unit.name} viewer={props.viewer}>
      <h2>Nhiệm vụ ({props.rows.length})</h2>
      {props.rows.length === 0 ? (
        <p>Đơn vị chưa được giao nhiệm vụ nào.</p>
      ) : (
        <div class="scroll">
          <table id="unit-tasks">
            <thead>
              <tr>
                <th>Số</th>
                <th>Nhiệm vụ</th>
                <th>Thời hạn</th>
                <th>Tình trạng</th>
                <th>Tiến độ</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map(({ assignment: a, forms }) => (
                <tr>
                  <td>{a.ref}</td>
                  <td>
                    <a href={`/web/nhiem-vu/${a.taskId}`}>{a.title}</a>
                    {a.role === "coop" && <span class="muted"> (phối hợp)</span>}
                  </td>
                  <td>{deadlineText(a)}</td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>{a.progress}%</td>
                  <td>
                    {forms && (
                      <span class="inline">
                        <a href={forms.progress}>Báo cáo tiến độ</a>
                        <a href={forms.completion}>Đã hoàn thành</a>
                        {forms.extension && <a href={forms.extension}>Xin gia hạn</a>}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
