/** @jsxImportSource hono/jsx */
import { roleLabel } from "../../bot/texts/common";
import { formatDate, formatDateTime } from "../../core/time/vietnam-date";
import type { LiveInvite } from "../../db/queries/invites";
import type { SessionMember } from "../../db/queries/web-sessions";
import type { Role } from "../../db/schema";
import { CsrfField, Page } from "../layout";

interface Person {
  id: number;
  fullName: string;
  role: Role;
  unitId: number;
  unitName: string;
  pausedUntil: string | null;
  unreachableSince: string | null;
}

export function PeoplePage(props: {
  viewer: SessionMember;
  people: Person[];
  invites: (LiveInvite & { revocable: boolean })[];
  flash: string | null;
}) {
  return (
    <Page title="Cán bộ và lời mời" viewer={props.viewer}>
      {props.flash && <p class="ok">{props.flash}</p>}
      <p class="muted">Tạo lời mời mới bằng lệnh /moi trong chat với bot; đổi vai trò, chuyển đơn vị bằng /canbo.</p>
      <h2>Lời mời còn hiệu lực ({props.invites.length})</h2>
      {props.invites.length === 0 ? (
        <p>Không có lời mời nào còn dùng được.</p>
      ) : (
        <div class="scroll">
          <table id="invites">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Vai trò</th>
                <th>Đã dùng</th>
                <th>Hết hạn</th>
                <th>Người tạo</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {props.invites.map((i) => (
                <tr>
                  <td>{i.unitName}</td>
                  <td>{roleLabel[i.role]}</td>
                  <td>{i.maxUses === null ? `${i.uses} (nhiều lần)` : `${i.uses}/${i.maxUses}`}</td>
                  <td>{formatDateTime(i.expiresAt)}</td>
                  <td>{i.createdBy ?? "—"}</td>
                  <td>
                    {i.revocable && (
                      <form method="post" action={`/web/can-bo/loi-moi/${i.id}/thu-hoi`}>
                        <CsrfField viewer={props.viewer} />
                        <button type="submit" class="secondary">
                          Thu hồi
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Cán bộ ({props.people.length})</h2>
      <div class="scroll">
        <table id="people">
          <thead>
            <tr>
              <th>Họ tên</th>
              <th>Đơn vị</th>
              <th>Vai trò</th>
              <th>Ghi chú</th>
            </tr>
          </thead>
          <tbody>
            {props.people.map((p) => (
              <tr>
                <td>{p.fullName}</td>
                <td>
                  <a href={`/web/don-vi/${p.unitId}`}>{p.unitName}</a>
                </td>
                <td>{roleLabel[p.role]}</td>
                <td>
                  {p.unreachableSince ? "Đã chặn bot " : ""}
                  {p.pausedUntil ? `Tạm dừng nhắc việc đến ${formatDate(p.pausedUntil)}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
