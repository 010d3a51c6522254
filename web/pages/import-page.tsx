/** @jsxImportSource hono/jsx */
import { describeDeadline } from "../../bot/features/import/render";
import { importTexts } from "../../bot/texts";
import { taskFlags } from "../../core/plan-import/flags";
import { reviewedTask, tasksNaming, type ImportChoices, type ScopeUnit, type UnitChoice } from "../../core/plan-import/review";
import { isVagueUnitName } from "../../core/plan-import/web-review";
import { childPlanName } from "../../core/plan-chain";
import type { ImportDraft } from "../../db/queries/plan-import";
import type { HandDownOffer, ImportParent } from "../../db/queries/plan-chain-import";
import type { SessionMember } from "../../db/queries/web-sessions";
import { CsrfField, Page } from "../layout";
import { parentLabel } from "./child-plans";
import { importWebTexts as t } from "../texts";

/** Empty rows at the end of the review table for tasks the document missed. */
export const SPARE_ROWS = 3;

export function ImportUploadPage(props: { viewer: SessionMember; error: string | null; offers: HandDownOffer[] }) {
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
      <h2>{t.handDownHeading}</h2>
      <p class="muted">{t.handDownIntro}</p>
      {props.offers.length === 0 ? (
        <p id="hand-down-none">{t.handDownNone}</p>
      ) : (
        <ul id="hand-down">
          {props.offers.map((offer) => (
            <li>
              <form method="post" action="/web/nhap/tu-ke-hoach" class="inline">
                <CsrfField viewer={props.viewer} />
                <input type="hidden" name="parent" value={String(offer.parent.planId)} />
                <input type="hidden" name="unit" value={String(offer.unitId)} />
                {t.handDownItem(childPlanName(offer.parent), offer.parent.issuerName, offer.unitName, offer.tasks)}{" "}
                <button type="submit" aria-label={`${t.handDownStart}: ${childPlanName(offer.parent)} (${offer.unitName})`}>
                  {t.handDownStart}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

const unitNames = (units: { name: string }[]) => units.map((u) => u.name).join("; ");

/** What a name of the document will be on saving, in words, from the admin's current choice. */
function unitStatus(choice: UnitChoice, scope: ScopeUnit[], vague: boolean): { text: string; kind: string } {
  if (choice.kind === "existing") {
    const unit = scope.find((u) => u.id === choice.unitId);
    return { text: `Khớp đơn vị có sẵn: ${unit?.name ?? "?"}`, kind: "ok" };
  }
  if (choice.kind === "new") return { text: choice.isGroup ? "Sẽ tạo nhóm đơn vị mới" : "Sẽ tạo đơn vị mới", kind: "notice" };
  return {
    text: vague ? "Không giao: cụm từ chung, không phải một đơn vị (chọn «Tạo đơn vị mới» nếu cần)" : "Không giao",
    kind: "muted",
  };
}

export function ImportReviewPage(props: {
  viewer: SessionMember;
  draft: ImportDraft;
  scope: ScopeUnit[];
  /** Who issues and monitors, and what the issuer's tree leaves out (tasks refused, units not assigned). */
  outside: string[];
  choices: ImportChoices;
  /** The parent plans it may carry out, and the one proposed. */
  parent: ImportParent;
  errors: string[];
  /** What was posted, shown again after an error. */
  form: Record<string, string> | null;
}) {
  const { plan } = props.draft;
  const value = (name: string, fallback: string) => props.form?.[name] ?? fallback;
  const pickedParent = value("parent", String(props.parent.proposed?.planId ?? 0));
  const named = plan.units
    .map((name, index) => ({ name, index, tasks: tasksNaming(plan, props.choices, index) }))
    .filter((u) => u.tasks > 0);
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
        <ul class="error" role="alert" id="review-errors">
          {props.errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      )}
      <form method="post" class="stack wide review">
        <CsrfField viewer={props.viewer} />
        <h2>{t.parentHeading}</h2>
        <p id="parent-proposed">
          {props.parent.proposed
            ? t.parentProposed(childPlanName(props.parent.proposed), props.parent.proposed.issuerName)
            : t.parentNone}
        </p>
        {props.parent.candidates.length > 0 && (
          <label>
            {t.parentSelect}{" "}
            <select name="parent" aria-label={t.parentSelect}>
              <option value="0" selected={pickedParent === "0"}>
                {t.parentNoLink}
              </option>
              {props.parent.candidates.map((c) => (
                <option value={String(c.planId)} selected={pickedParent === String(c.planId)}>
                  {parentLabel(c)}
                </option>
              ))}
            </select>
          </label>
        )}
        <p class="muted">{t.parentHelp}</p>
        {/* One list of the committee's units for every unit field of the page. */}
        <datalist id="committee-units">
          {props.scope.map((u) => (
            <option value={u.name} />
          ))}
        </datalist>
        <h2>Đơn vị trong văn bản ({named.length})</h2>
        <p class="muted">{t.unitsHelp}</p>
        <div class="review-units" id="review-units">
          {named.map((u) => {
            const choice = props.choices.units[u.index] ?? { kind: "skip" as const };
            const status = unitStatus(choice, props.scope, isVagueUnitName(u.name));
            const matched = choice.kind === "existing" ? (props.scope.find((s) => s.id === choice.unitId)?.name ?? "") : "";
            const picked = value(`unit-${u.index}`, choice.kind);
            return (
              <div class="review-unit" id={`unit-${u.index}`}>
                <div>
                  <b>{u.name}</b> <span class="muted">· {u.tasks} nhiệm vụ</span>
                  <div class={`unit-status ${status.kind}`}>{status.text}</div>
                </div>
                <select name={`unit-${u.index}`} aria-label={`Xử lý đơn vị ${u.name}`}>
                  <option value="existing" selected={picked === "existing"}>
                    Là đơn vị có sẵn:
                  </option>
                  <option value="new" selected={picked === "new"}>
                    Tạo đơn vị mới
                  </option>
                  <option value="skip" selected={picked === "skip"}>
                    Không giao
                  </option>
                </select>
                <input
                  name={`unit-name-${u.index}`}
                  list="committee-units"
                  aria-label={`Đơn vị có sẵn cho ${u.name}`}
                  placeholder="Gõ tên đơn vị có sẵn"
                  value={value(`unit-name-${u.index}`, matched)}
                />
              </div>
            );
          })}
        </div>
        <h2>Nhiệm vụ ({plan.tasks.length})</h2>
        <div class="review-tasks" id="review">
          {plan.tasks.map((_, i) => {
            const task = reviewedTask(plan, props.choices, i);
            const flags = taskFlags(task);
            const noUnit = ![...task.lead, ...task.coop].some((u) => u.choice.kind !== "skip");
            return (
              <fieldset class="review-task" id={`task-${i}`}>
                <legend>Nhiệm vụ {task.ref || i + 1}</legend>
                {(flags.length > 0 || noUnit) && (
                  <p class="notice flags">
                    Cần xem lại:{" "}
                    {[...flags.map((f) => importTexts.flag[f]), ...(noUnit && !flags.includes("no_lead") ? [t.noUnit] : [])].join(
                      "; ",
                    )}
                  </p>
                )}
                <label>
                  Tên nhiệm vụ
                  <textarea name={`title-${i}`} aria-label={`Tên nhiệm vụ ${task.ref}`} rows={3}>
                    {value(`title-${i}`, task.title)}
                  </textarea>
                </label>
                <div class="review-fields">
                  <label>
                    Chủ trì
                    <input
                      name={`lead-${i}`}
                      list="committee-units"
                      aria-label={`Đơn vị chủ trì nhiệm vụ ${task.ref}`}
                      value={value(`lead-${i}`, unitNames(task.lead))}
                    />
                  </label>
                  <label>
                    Phối hợp
                    <input
                      name={`coop-${i}`}
                      list="committee-units"
                      aria-label={`Đơn vị phối hợp nhiệm vụ ${task.ref}`}
                      value={value(`coop-${i}`, unitNames(task.coop))}
                    />
                  </label>
                  <label>
                    Thời hạn
                    <input
                      name={`deadline-${i}`}
                      aria-label={`Thời hạn nhiệm vụ ${task.ref}`}
                      value={value(`deadline-${i}`, task.deadlineText ?? "")}
                    />
                    <span class="muted">→ {describeDeadline(task.deadline)}</span>
                  </label>
                  <label class="drop">
                    <input
                      type="checkbox"
                      name={`drop-${i}`}
                      value="1"
                      aria-label={`Bỏ nhiệm vụ ${task.ref}`}
                      checked={value(`drop-${i}`, "") === "1"}
                    />{" "}
                    Bỏ
                  </label>
                </div>
                <details>
                  <summary>Tách / gộp</summary>
                  <label>
                    Tách thành các nhiệm vụ (mỗi dòng một nhiệm vụ, cùng đơn vị và thời hạn):
                    <textarea name={`split-${i}`} aria-label={`Tách nhiệm vụ ${task.ref}`} rows={3}>
                      {value(`split-${i}`, "")}
                    </textarea>
                  </label>
                  {i > 0 && (
                    <label>
                      Gộp vào nhiệm vụ số (một nhiệm vụ đứng trước):{" "}
                      <input
                        name={`merge-${i}`}
                        aria-label={`Gộp nhiệm vụ ${task.ref} vào`}
                        value={value(`merge-${i}`, "")}
                        size={8}
                      />
                    </label>
                  )}
                </details>
              </fieldset>
            );
          })}
          {Array.from({ length: SPARE_ROWS }, (_, j) => (
            <fieldset class="review-task new-task">
              <legend>Thêm nhiệm vụ {j + 1}</legend>
              <label>
                Tên nhiệm vụ
                <textarea
                  name={`new-title-${j}`}
                  aria-label={`Nhiệm vụ thêm ${j + 1}`}
                  rows={2}
                  placeholder="Tên nhiệm vụ thêm (nếu có)"
                >
                  {value(`new-title-${j}`, "")}
                </textarea>
              </label>
              <div class="review-fields">
                <label>
                  Chủ trì
                  <input
                    name={`new-lead-${j}`}
                    list="committee-units"
                    aria-label={`Đơn vị chủ trì nhiệm vụ thêm ${j + 1}`}
                    value={value(`new-lead-${j}`, "")}
                  />
                </label>
                <label>
                  Thời hạn
                  <input
                    name={`new-deadline-${j}`}
                    aria-label={`Thời hạn nhiệm vụ thêm ${j + 1}`}
                    value={value(`new-deadline-${j}`, "")}
                  />
                </label>
              </div>
            </fieldset>
          ))}
        </div>
        <button type="submit">{t.save}</button>
      </form>
    </Page>
  );
}
