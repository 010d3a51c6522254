/** @jsxImportSource hono/jsx */
import { formatDate, formatDateTime } from "../../core/time/vietnam-date";
import { evidenceOf, type PendingItem } from "../../db/queries/approvals";
import type { WebViewer } from "../env";
import { deadlineText } from "../format";
import { CsrfField, Page } from "../layout";
import { planHref } from "../plan-context";

const planName = (i: PendingItem) => (i.planNumber ? `${i.planNumber} · ${i.planTitle}` : i.planTitle);

/** Who asked, for which task of which plan, and what they handed in: nothing is confirmed unseen. */
function Subject(props: { item: PendingItem; what: string }) {
  const { item } = props;
  return (
    <>
      <p class="muted plan-of">
        <a href={planHref(item.planId)}>{planName(item)}</a>
      </p>
      <p>
        <b>{props.what}</b> · {item.unitName}
        <br />
        <a href={`/web/nhiem-vu/${item.taskId}`} class="task-link">
          Nhiệm vụ {item.ref}: {item.title}
        </a>
      </p>
    </>
  );
}

export function ApprovalsPage(props: {
  viewer: WebViewer;
  items: { item: PendingItem; decide: boolean }[];
  fileLinks: Map<string, string>;
  flash: string | null;
}) {
  const plans = new Set(props.items.map((i) => i.item.planId)).size;
  return (
    <Page title={`Chờ duyệt (${props.items.length})`} viewer={props.viewer}>
      {props.flash && <p class="ok">{props.flash}</p>}
      <p class="muted">
        {(props.viewer.plans?.length ?? 0) > 1
          ? `Tất cả các kế hoạch đồng chí theo dõi${plans > 0 ? ` (${plans} kế hoạch có việc chờ duyệt)` : ""}.`
          : "Kế hoạch đồng chí theo dõi."}
      </p>
      {props.items.length === 0 && <p>Không có gì chờ duyệt.</p>}
      {props.items.map(({ item, decide }) => (
        <section class="card approval" id={`${item.kind}-${item.id}`}>
          {item.kind === "completion" ? (
            <>
              <Subject item={item} what="Báo cáo hoàn thành" />
              <p class="muted">
                {item.by}, {formatDateTime(item.at)} · Thời hạn: {deadlineText(item)}
              </p>
              <p class="report-note">{item.note ? `«${item.note}»` : "Không ghi kết quả."}</p>
              {evidenceOf(item).length === 0 ? (
                <p class="muted">Không kèm tệp.</p>
              ) : (
                <ul class="evidence">
                  {evidenceOf(item).map((e) => {
                    const href = props.fileLinks.get(e.fileId);
                    const name = e.name ?? (e.kind === "photo" ? "Ảnh" : "Tệp đính kèm");
                    return <li>{href ? <a href={href}>{name}</a> : <span>{name} (xem trong chat)</span>}</li>;
                  })}
                </ul>
              )}
              {decide && (
                <div class="actions">
                  <form method="post" action={`/web/duyet/hoan-thanh/${item.id}`}>
                    <CsrfField viewer={props.viewer} />
                    <input type="hidden" name="decision" value="confirmed" />
                    <button type="submit">Xác nhận hoàn thành</button>
                  </form>
                  <form method="post" action={`/web/duyet/hoan-thanh/${item.id}`} class="stack">
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
              <Subject item={item} what="Xin gia hạn" />
              <p class="muted">
                {item.by}, {formatDateTime(item.at)}: {item.originalDue ? formatDate(item.originalDue) : "—"} →{" "}
                {formatDate(item.proposedDue)}
              </p>
              <p>Lý do: {item.reason}</p>
              {decide && (
                <div class="actions">
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
