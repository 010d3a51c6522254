import type { Deadline } from "../deadline/types";

export interface ExtractedHeader {
  issuer: string | null;
  number: string | null;
  /** ISO yyyy-mm-dd. */
  issued_on: string | null;
  implements: string | null;
  title: string | null;
}

export type Comparator = "gt" | "gte" | "lt" | "lte" | "eq";

export interface ExtractedTarget {
  text: string;
  value: number | null;
  comparator: Comparator | null;
  /** "%", "người", "doanh nghiệp", … */
  unit: string | null;
  by_year: number | null;
}

export interface ExtractedTask {
  /** "IV.2.1" for outlined plans, the TT column for tables ("A.1.1" when the table has lettered parts). */
  ref: string;
  title: string;
  lead: string[];
  coop: string[];
  deadline_text: string | null;
  deadline: Deadline;
  section: string | null;
}

export interface ExtractedPlan {
  header: ExtractedHeader;
  targets: ExtractedTarget[];
  /** Every distinct unit name as written (normalised), leads and co-operating, in first-seen order. */
  units: string[];
  tasks: ExtractedTask[];
  /** Solution and organisation paragraphs that are not tasks. */
  content: string[];
  /** Short Vietnamese notes for the reviewer. */
  warnings: string[];
}

/** A task before its deadline is parsed, with its position in the document for ordering. */
export interface TaskDraft {
  ref: string;
  title: string;
  lead: string[];
  coop: string[];
  deadlineText: string | null;
  section: string | null;
  order: number;
}
