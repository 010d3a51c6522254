/** @jsxImportSource hono/jsx */
import type { ReportDoc } from "../../core/plan-report/content";
import type { ReportPeriod } from "../../core/plan-report/period";
import type { SessionMember } from "../../db/queries/web-sessions";
import { Page } from "../layout";

export interface ReportQuery {
  ky: string;
  tu: string;
  den: string;
  theThuc: "" | "party" | "state";
}

/** The form: a period (this month, last quarter…, or two dates) and, if the office wants, the layout. */
export function ReportForm(props: {
  viewer: SessionMember;
  planName: string;
  choices: ReportPeriod[];
  query: ReportQuery;
  message?: { kind: "error" | "notice"; text: string };
}) {
  const q = props.query;
  return (
    <Page title="Lập báo cáo kết quả thực hiện" viewer={props.viewer}>
      <p>{props.planName}</p>
      {props.message && <p class={props.message.kind}>{props.message.text}</p>}
      <form class="stack" method="get" action="/web/bao-cao/xem">
        <label for="ky">Kỳ báo cáo</label>
        <select id="ky" name="ky">
          {props.choices.map((p) => (
            <option value={p.code} selected={q.ky === p.code}>
              {p.label}
            </option>
          ))}
        </select>
        <p class="muted">Hoặc một khoảng ngày (điền cả hai thì dùng khoảng ngày):</p>
        <div class="inline">
          <label for="tu">Từ ngày</label>
          <input id="tu" name="tu" type="date" value={q.tu} />
          <label for="den">đến ngày</label>
          <input id="den" name="den" type="date" value={q.den} />
        </div>
        <label for="the-thuc">Thể thức văn bản</label>
        <select id="the-thuc" name="the-thuc">
          <option value="" selected={q.theThuc === ""}>
            Theo cơ quan ban hành kế hoạch
          </option>
          <option value="party" selected={q.theThuc === "party"}>
            Văn bản của Đảng (HD 36-HD/VPTW)
          </option>
          <option value="state" selected={q.theThuc === "state"}>
            Văn bản hành chính (NĐ 30/2020/NĐ-CP)
          </option>
        </select>
        <button type="submit">Xem trước</button>
      </form>
      <p class="muted">
        Số liệu tính đến hết ngày cuối kỳ (kỳ đang diễn ra: đến thời điểm lập), cùng cách tính với trang Tổng quan. Báo cáo được
        lập thành tệp Word (.docx) để cơ quan tham mưu bổ sung và trình ký.
      </p>
    </Page>
  );
}

/** The same content the .docx holds, as a page, with the download beside it. */
export function ReportPreview(props: { viewer: SessionMember; doc: ReportDoc; downloadHref: string; backHref: string }) {
  const d = props.doc;
  return (
    <Page title="Xem trước báo cáo" viewer={props.viewer}>
      <p class="inline">
        <a href={props.downloadHref}>📥 Tải bản Word (.docx)</a> · <a href={props.backHref}>Chọn kỳ khác</a>
      </p>
      <article class="report">
        <table class="report-heading">
          <tbody>
            <tr>
              <td>{d.heading.left.map(line)}</td>
              <td>{d.heading.right.map(line)}</td>
            </tr>
          </tbody>
        </table>
        {d.title.map((text, i) => (
          <p class={i === 0 ? "report-title" : i === 3 ? "report-center report-italic" : "report-center report-bold"}>{text}</p>
        ))}
        {d.sections.map((s) => (
          <section>
            <h2>{s.heading}</h2>
            {s.items.map((item) =>
              item.kind === "para" ? (
                <p class={[item.bold ? "report-bold" : "", item.italic ? "report-italic" : ""].join(" ").trim() || undefined}>
                  {item.text}
                </p>
              ) : (
                <div class="scroll">
                  <table>
                    <thead>
                      <tr>
                        {item.columns.map((col) => (
                          <th>{col.header}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {item.rows.map((row) => (
                        <tr>
                          {row.map((cell) => (
                            <td>{cell}</td>
                          ))}
                        </tr>
                      ))}
                      {item.totalRow && (
                        <tr class="report-bold">
                          {item.totalRow.map((cell) => (
                            <td>{cell}</td>
                          ))}
                        </tr>
                      )}
                    </tbody>
                  </table>
                </div>
              ),
            )}
          </section>
        ))}
        <table class="report-heading">
          <tbody>
            <tr>
              <td class="report-recipients">
                <p class="report-bold report-italic">Nơi nhận:</p>
                {d.closing.recipients.map((r) => (
                  <p>{r}</p>
                ))}
              </td>
              <td>{d.closing.signer.map(line)}</td>
            </tr>
          </tbody>
        </table>
      </article>
    </Page>
  );
}

function line(l: { text: string; bold?: boolean; italic?: boolean; underline?: boolean }) {
  const cls = [l.bold ? "report-bold" : "", l.italic ? "report-italic" : "", l.underline ? "report-underline" : ""]
    .join(" ")
    .trim();
  return <p class={`report-center ${cls}`.trim()}>{l.text || " "}</p>;
}
