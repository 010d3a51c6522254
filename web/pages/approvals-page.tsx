/** @jsxImportSource hono/jsx */
import { formatDate, formatDateTime } from "../../core/time/vietnam-date";
import type { PendingItem } from "../../db/queries/approvals";
import type { SessionMember } from "../../db/queries/web-sessions";
import { CsrfField, Page } from "../layout";

export function ApprovalsPage(props: { viewer: SessionMember; items: PendingItem[]; manage: boolean; flash: string | null }) {
  return (
    <Page title={`Chờ duyệt (${props.items.length})`} viewer={props.viewer}>
      {props.flash && <p class="ok">{props.flash}</p>}
      {props.items.length === 0 && <p>Không có gì chờ duyệt.</p>}
      {props.items.map((item) => (
        <section class="card" id={`${item.kind}-${item.id}`}>
          {item.kind === "completion" ? (
            <>
              <p>
                <b>Hoàn thành</b> · nhiệm vụ {item.ref} · {item.unitName}
                <br />
                {item.title}
              </p>
              <p class="muted">
                {item.by}, {formatDateTime(item.at)}
                {item.files > 0 && ` · ${item.files} tệp`}
              </p>
              {item.note && <p>«{item.note}»</p>}
              {props.manage && (
                <div class="inline">
                  <form method="post" action={`/web/duyet/hoan-thanh/${item.id}`}>
                    <CsrfField viewer={props.viewer} />
                    <input type="hidden" name="decision" value="confirmed" />
                    <button type="submit">Xác nhận hoàn thành</button>
                  </form>
                  <form method="post" action={`/web/duyet/hoan-thanh/${item.id}`} class="inline">
                    <CsrfField viewer={props.viewer} />
                    <input type="hidden" name="decision" value="returned" />
                    <input name="note" placeholder="Lý do trả lại" aria-label="Lý do trả lại" required maxlength={1000} />
                    <button type="submit" class="secondary">
                      Trả lại
                    </button>
                  </form>
                </div>
              )}
            </>
          ) : (
            <>
              <p>
                <b>Gia hạn</b> · nhiệm vụ {item.ref} · {item.unitName}
                <br />
                {item.title}
              </p>
              <p class="muted">
                {item.by}, {formatDateTime(item.at)}: {item.originalDue ? formatDate(item.originalDue) : "—"} →{" "}
                {formatDate(item.proposedDue)}
              </p>
              <p>Lý do: {item.reason}</p>
              {props.manage && (
                <div class="inline">
                  <form method="post" action={`/web/duyet/gia-han/${item.id}`}>
                    <CsrfField viewer={props.viewer} />
                    <input type="hidden" name="decision" value="approved" />
                    <button type="submit">Đồng ý gia hạn</button>
                  </form>
                  <form method="post" action={`/web/duyet/gia-han/${item.id}`}>
                    <CsrfField viewer={props.viewer} />
                    <input type="hidden" name="decision" value="refused" />
                    <button type="submit" class="secondary">
                      Từ chối
                    </button>
                  </form>
                </div>
              )}
            </>
          )}
        </section>
      ))}
    </Page>
  );
}
