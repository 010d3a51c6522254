import { formatDate, formatDateTime } from "../../core/time/vietnam-date";
import type { TaskHistory } from "../../db/queries/task-view";
import { adminTexts, historyTexts as t } from "../texts";
import { escapeHtml, shorten } from "./html";

const a = adminTexts.task;

export interface EvidenceRef {
  reportId: number;
  index: number;
  name: string;
}

/**
 * A task's history as dated lines, oldest first: reports with their
 * evidence, reviews, extension requests and decisions, and the audit
 * entries the others do not tell, each saying who. Across units (the
 * office's view) every person is named with their unit.
 */
export function historyLines(history: TaskHistory, o: { acrossUnits: boolean }): { lines: string[]; files: EvidenceRef[] } {
  const events: { at: string; text: string }[] = [];
  const files: EvidenceRef[] = [];
  const by = (name: string | null) => (name ? a.by(escapeHtml(name)) : "");
  for (const r of history.reports) {
    const at = formatDateTime(r.createdAt);
    const who = o.acrossUnits ? a.who(escapeHtml(r.memberName), escapeHtml(r.unitName)) : escapeHtml(r.memberName);
    const note = escapeHtml(shorten(r.note ?? "", 160));
    const lines = [
      r.kind === "completion"
        ? t.completion(at, who, note)
        : r.kind === "checkin"
          ? t.checkin(at, who, r.periodKey ?? "", note)
          : t.progress(at, who, r.percent, note),
    ];
    if (r.evidence?.length) {
      lines.push(t.files(r.evidence.length));
      r.evidence.forEach((file, index) => {
        files.push({ reportId: r.id, index, name: file.name ?? "ảnh" });
      });
    }
    if (r.kind === "completion" && r.reviewStatus === "pending") lines.push(t.reviewPending);
    events.push({ at: r.createdAt, text: lines.join("\n") });
    if (r.kind === "completion" && r.reviewedAt) {
      const reviewed = t.reviewed(
        formatDateTime(r.reviewedAt),
        r.reviewStatus === "confirmed",
        r.reviewNote && escapeHtml(shorten(r.reviewNote, 300)),
      );
      events.push({ at: r.reviewedAt, text: `${reviewed}${by(r.reviewerName)}` });
    }
  }
  for (const e of history.extensions) {
    const asked = t.extension(
      formatDateTime(e.createdAt),
      e.originalDue ? formatDate(e.originalDue) : "—",
      formatDate(e.proposedDue),
      escapeHtml(shorten(e.reason, 160)),
    );
    const asker = o.acrossUnits ? a.extensionBy(escapeHtml(e.requesterName), escapeHtml(e.unitName)) : by(e.requesterName);
    events.push({ at: e.createdAt, text: `${asked}${asker}${e.status === "pending" ? `\n${t.extensionPending}` : ""}` });
    if (e.decidedAt)
      events.push({
        at: e.decidedAt,
        text: `${t.extensionDecided(formatDateTime(e.decidedAt), e.status === "approved")}${by(e.deciderName)}`,
      });
  }
  for (const entry of history.audit) {
    const what = a.auditActions[entry.action] ?? entry.action;
    events.push({
      at: entry.createdAt,
      text: a.audit(formatDateTime(entry.createdAt), escapeHtml(entry.actorName ?? a.someone), what),
    });
  }
  // Stable: events at the same instant keep the order they were told in.
  events.sort((x, y) => x.at.localeCompare(y.at));
  return { lines: events.map((e) => e.text), files };
}
