import { findImplementedDoc, parseDocNumber } from "../plan-import/doc-ref";
import { foldText } from "../text/fold";

/** A document number in the form plans are matched by: no diacritics, lower case, no spaces ("123 -KH/TU" → "123-kh/tu"). */
export function planNumberKey(number: string): string {
  return foldText(number).replace(/\s+/g, "");
}

const NAMED_NUMBER = /\bso ?:? ?(?=\d)/;

/**
 * The number of the document a plan carries out, as planNumberKey gives it,
 * from its "Thực hiện Kế hoạch số …" phrase or from what the importer kept of
 * it (plans.implements_text: "Kế hoạch số 12-KH/HU ngày 3/4/2024"); null when
 * none is named.
 */
export function implementsNumber(text: string): string | null {
  const doc = findImplementedDoc(text) ?? text;
  const folded = foldText(doc);
  const label = NAMED_NUMBER.exec(folded);
  if (!label) return null;
  const number = parseDocNumber(folded.slice(label.index + label[0].length));
  return number ? planNumberKey(number) : null;
}

/** Whether a plan's "thực hiện …" line names the plan numbered `number` (spaces and case aside). */
export function implementsPlan(implementsText: string, number: string | null): boolean {
  if (!number) return false;
  const wanted = planNumberKey(number);
  const text = planNumberKey(implementsText);
  const at = text.indexOf(wanted);
  // "45-KH/HU" must not match inside "145-KH/HU".
  return at >= 0 && (at === 0 || !/\d/.test(text[at - 1]!));
}
