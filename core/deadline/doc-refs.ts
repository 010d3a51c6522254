import { maskMatches } from "./mask";

// Document numbers ("45-NQ/TW", "7360/KH-UBND", "13/2023/NĐ-CP") and the issue date that follows
// them ("Nghị quyết số 45-NQ/TW ngày 24/11/2023") look like deadlines but name the document.
// Government resolutions may carry a dotted number ("66.7/2025/NQ-CP").
// "tháng 5-năm 2024" is not a document number, hence the excluded words.
const DOC_NUMBER =
  "\\d{1,5}(?:\\.\\d{1,3})*(?:/\\d{4})?[/\\-](?!(?:nam|quy|thang|ngay|den|tu)(?![a-z]))[a-z]{2}[a-z0-9]*(?:[/\\-][a-z0-9]+)*";
const ISSUE_DATE =
  "(?:\\s*,)?\\s+ngay\\s*(?:\\d{1,2}\\s*[/.\\-]\\s*\\d{1,2}\\s*[/.\\-]\\s*\\d{4}|\\d{1,2}\\s+thang\\s+\\d{1,2}\\s+nam\\s+\\d{4})";
const DOC_REF = new RegExp(`(?<![a-z0-9/.\\-])${DOC_NUMBER}(?:${ISSUE_DATE})?`, "g");

/** Masks document references in folded text so their numbers are not read as periods. */
export function maskDocumentRefs(folded: string): string {
  return maskMatches(folded, DOC_REF);
}
