/** @jsxImportSource hono/jsx */
import { effectiveDue } from "../../core/status/of-assignment";
import { formatDate } from "../../core/time/vietnam-date";
import type { AssignmentView } from "../../db/queries/assignments";
import type { MemberCard } from "../../db/queries/people";
import { Page, UnitWayIn } from "../layout";
import { formTexts as f } from "../texts";

export type FormSubject =
  | { kind: "progress" | "completion" | "extension"; assignment: AssignmentView }
  | { kind: "target"; target: { id: number; text: string; unitOfMeasure: string | null } };

export interface FormValues {
  percent?: string;
  note?: string;
  proposedDue?: string;
  period?: string;
  value?: string;
}

/** One page, phone first: what the task is, the fields of this kind of report, one button. */
export function OfficialFormPage(props: {
  subject: FormSubject;
  member: MemberCard;
  once: string;
  values: FormValues;
  error: string | null;
}) {
  const { subject, values } = props;
  return (
    <Page title={f.titles[subject.kind]}>
      <p class="muted">
        {props.member.fullName} · {props.member.unitName}
      </p>
      {subject.kind === "target" ? (
        <p>
          <b>{subject.target.text}</b>
          {subject.target.unitOfMeasure && <span class="muted"> (đơn vị tính: {subject.target.unitOfMeasure})</span>}
        </p>
      ) : (
        <p>
          <b>Nhiệm vụ {subject.assignment.ref}:</b> {subject.assignment.title}
          <br />
          <span class="muted">
            {effectiveDue(subject.assignment)
              ? f.currentDue(formatDate(effectiveDue(subject.assignment)!))
              : (subject.assignment.deadlineText ?? "")}
          </span>
        </p>
      )}
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <form method="post" enctype="multipart/form-data" class="stack">
        <input type="hidden" name="once" value={props.once} />
        {subject.kind === "progress" && (
          <>
            <label for="percent">{f.percent}</label>
            <input
              id="percent"
              name="percent"
              type="number"
              inputmode="numeric"
              min="0"
              max="100"
              required
              value={values.percent ?? String(subject.assignment.progress)}
            />
          </>
        )}
        {subject.kind === "extension" && (
          <>
            <label for="proposedDue">{f.proposedDate}</label>
            <input
              id="proposedDue"
              name="proposedDue"
              inputmode="numeric"
              placeholder="31/12/2026"
              required
              value={values.proposedDue ?? ""}
            />
          </>
        )}
        {subject.kind === "target" && (
          <>
            <label for="period">{f.period}</label>
            <input id="period" name="period" required value={values.period ?? ""} />
            <label for="value">{f.value}</label>
            <input id="value" name="value" inputmode="decimal" required value={values.value ?? ""} />
          </>
        )}
        <label for="note">{f.note[subject.kind]}</label>
        <textarea id="note" name="note" required={subject.kind !== "target"} maxlength={1000}>
          {values.note ?? ""}
        </textarea>
        {(subject.kind === "progress" || subject.kind === "completion") && (
          <>
            <label for="files">{f.files}</label>
            <input
              id="files"
              name="files"
              type="file"
              multiple
              accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,image/*"
            />
          </>
        )}
        <button type="submit">{f.submit}</button>
      </form>
      <UnitWayIn unitId={props.member.unitId} />
    </Page>
  );
}
