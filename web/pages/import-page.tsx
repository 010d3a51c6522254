/** @jsxImportSource hono/jsx */
import { reviewedTask, type ImportChoices, type ScopeUnit } from "../../core/plan-import/review";
import type { ImportDraft } from "../../db/queries/plan-import";
import type { SessionMember } from "../../db/queries/web-sessions";
import { CsrfField, Page } from "../layout";
import { importWebTexts as t } from "../texts";

/** Empty rows at the end of the review table for tasks the document missed. */
export const SPARE_ROWS = 3;

export function ImportUploadPage(props: { viewer: SessionMember; error: string | null }) {
  return (
    <Page title={t.title} viewer={props.viewer}>
      <p>{t.intro}</p>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <form method="post" action="/web/nhap" enctype="multipart/form-data" class="stack">
        <CsrfField viewer={props.viewer} />
        <label for="file">{t.file}</label>
        <input id="file" name="file" type="file" required accept=".docx,.pdf,.txt,.md" />
        <button type="submit">{t.read}</button>
      </form>
    </Page>
  );
}

function UnitSelect(props: { name: string; scope: ScopeUnit[]; selected: string; first: string }) {
  return (
    <select name={props.name} aria-label="Đơn vị chủ trì">
      <option value="">{props.first}</option>
      {props.scope.map((u) => (
        <option value={String(u.id)} selected={props.selected === String(u.id)}>
          {u.name}
        </option>
      ))}
    </select>
  );
}

export function ImportReviewPage(props: {
  viewer: SessionMember;
  draft: ImportDraft;
  scope: ScopeUnit[];
  /** Who issues and monitors, and what the issuer's tree leaves out (tasks refused, units not assigned). */
  outside: string[];
  choices: ImportChoices;
  errors: string[];
  /** What was posted, shown again after an error. */
  form: Record<string, string> | null;
}) {
  const { plan } = props.draft;
  const value = (name: string, fallback: string) => props.form?.[name] ?? fallback;
  return (
    <Page title={t.reviewTitle} viewer={props.viewer}>
      <p>
        <b>{plan.header.title ?? props.draft.fileName}</b>
        {plan.header.number && <span class="muted"> · Số {plan.header.number}</span>}
      </p>
      <p class="muted">{t.reviewHelp}</p>
      <ul id="scope-notes">
        {props.outside.map((note) => (
          <li>{note}</li>
        ))}
      </ul>
      {plan.warnings.length > 0 && (
        <details class="warnings">
          <summary>{t.warnings(plan.warnings.length)}</summary>
          <ul>
            {plan.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {props.errors.length > 0 && (
        <ul class="error" role="alert">
          {props.errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      )}
      <form method="post" class="stack wide">
        <CsrfField viewer={props.viewer} />
        <div class="scroll">
          <table id="review">
            <thead>
              <tr>
                <th>Số</th>
                <th>Nhiệm vụ</th>
                <th>Đơn vị chủ trì</th>
                <th>Thời hạn</th>
                <th>Bỏ</th>
              </tr>
            </thead>
            <tbody>
              {plan.tasks.map((_, i) => {
                const task = reviewedTask(plan, props.choices, i);
                return (
                  <tr>
                    <td>{task.ref}</td>
                    <td>
                      <textarea name={`title-${i}`} aria-label={`Tên nhiệm vụ ${task.ref}`} rows={3} cols={40}>
                        {value(`title-${i}`, task.title)}
                      </textarea>
                      <details>
                        <summary>Tách / gộp</summary>
                        <label>
                          Tách thành các nhiệm vụ (mỗi dòng một nhiệm vụ, cùng đơn vị và thời hạn):
                          <textarea name={`split-${i}`} aria-label={`Tách nhiệm vụ ${task.ref}`} rows={3} cols={40}>
                            {value(`split-${i}`, "")}
                          </textarea>
                        </label>
                        {i > 0 && (
                          <label>
                            Gộp vào nhiệm vụ:{" "}
                            <select name={`merge-${i}`} aria-label={`Gộp nhiệm vụ ${task.ref} vào`}>
                              <option value="">— không gộp —</option>
                              {plan.tasks.slice(0, i).map((other, k) => (
                                <option value={String(k)} selected={value(`merge-${i}`, "") === String(k)}>
                                  {other.ref || String(k + 1)}
                                </option>
                              ))}
                            </select>
                          </label>
                        )}
                      </details>
                    </td>
                    <td>
                      <UnitSelect
                        name={`lead-${i}`}
                        scope={props.scope}
                        selected={value(`lead-${i}`, "")}
                        first={t.asWritten(task.lead.map((u) => u.name).join("; "))}
                      />
                      {task.coop.length > 0 && <div class="muted">Phối hợp: {task.coop.map((u) => u.name).join("; ")}</div>}
                    </td>
                    <td>
                      <input
                        name={`deadline-${i}`}
                        aria-label={`Thời hạn nhiệm vụ ${task.ref}`}
                        value={value(`deadline-${i}`, task.deadlineText ?? "")}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        name={`drop-${i}`}
                        value="1"
                        aria-label={`Bỏ nhiệm vụ ${task.ref}`}
                        checked={value(`drop-${i}`, "") === "1"}
                      />
                    </td>
                  </tr>
                );
              })}
              {Array.from({ length: SPARE_ROWS }, (_, j) => (
                <tr class="new-task">
                  <td>Thêm</td>
                  <td>
                    <textarea
                      name={`new-title-${j}`}
                      aria-label={`Nhiệm vụ thêm ${j + 1}`}
                      rows={2}
                      cols={40}
                      placeholder="Tên nhiệm vụ thêm (nếu có)"
                    >
                      {value(`new-title-${j}`, "")}
                    </textarea>
                  </td>
                  <td>
                    <UnitSelect
                      name={`new-lead-${j}`}
                      scope={props.scope}
                      selected={value(`new-lead-${j}`, "")}
                      first={t.chooseUnit}
                    />
                  </td>
                  <td>
                    <input
                      name={`new-deadline-${j}`}
                      aria-label={`Thời hạn nhiệm vụ thêm ${j + 1}`}
                      value={value(`new-deadline-${j}`, "")}
                    />
                  </td>
                  <td></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit">{t.save}</button>
      </form>
    </Page>
  );
}
