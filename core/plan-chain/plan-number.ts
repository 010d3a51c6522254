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

/** How far into a document its preamble may reach: the "Thực hiện …" lines come before the first section. */
const FRONT_LINES = 80;
/** A paragraph wrapped over several lines (text taken from a PDF) goes on until a blank line or this many lines. */
const PARAGRAPH_LINES = 8;
// Without a word boundary before "so": converted documents glue words ("Chỉ thịsố9-CT/TW").
const NUMBER_AFTER_SO = /so ?:? ?(\d+ ?[-/] ?[a-z][a-z0-9]*(?: ?[-/] ?[a-z0-9]+)*)/g;

/**
 * Every document number named in the paragraphs of a plan's front matter
 * that begin with "Thực hiện" (or its title "… thực hiện Kế hoạch số …"), as
 * planNumberKey gives them, in order. The importer keeps only the first
 * document named ("Thực hiện Nghị quyết số 45-NQ/TW …, Kế hoạch số 123-KH/TU
 * … của Tỉnh ủy"), while the plan carried out is often a later one.
 */
export function implementedNumbers(text: string): string[] {
  const numbers: string[] = [];
  const lines = text.split(/\r?\n/, FRONT_LINES).map((line) => foldText(line.replace(/[*_#>|]/g, " ")));
  for (const [at, line] of lines.entries()) {
    if (!/^(?:ke hoach |chuong trinh )?thuc hien\b/.test(line)) continue;
    const end = lines.findIndex((next, i) => i > at && next === "");
    const paragraph = lines.slice(at, Math.min(end < 0 ? lines.length : end, at + PARAGRAPH_LINES)).join(" ");
    for (const match of paragraph.matchAll(NUMBER_AFTER_SO)) {
      const key = planNumberKey(match[1]!);
      if (!numbers.includes(key)) numbers.push(key);
    }
  }
  return numbers;
}
