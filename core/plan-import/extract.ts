import { splitBlocks } from "./blocks";
import { extractContent } from "./content";
import { collectUnits, finalizeTasks } from "./finalize";
import { extractHeader } from "./header";
import { unitsAsWritten } from "./as-written";
import { buildOutline, type OutlineNode } from "./outline";
import { extractTargets } from "./targets";
import { planYear } from "./plan-year";
import { labelledTasks } from "./tasks-labelled";
import { sentenceTasks } from "./tasks-sentences";
import { tableTasks } from "./tasks-table";
import { unitSectionTasks } from "./tasks-unit-sections";
import type { ExtractedPlan } from "./types";

export type { ExtractedHeader, ExtractedPlan, ExtractedTarget, ExtractedTask } from "./types";

/**
 * Reads a plan (Kế hoạch) converted to text or Markdown. The shapes are recognised where
 * they occur, so one document may mix them: labelled fields under numbered items,
 * per-unit sections in the assignments part, and task tables (pipe or line-per-cell).
 */
export function extractPlan(text: string): ExtractedPlan {
  const warnings: string[] = [];
  const blocks = splitBlocks(text);
  const header = extractHeader(blocks, warnings);
  const { root, tables } = buildOutline(blocks);
  const targets = extractTargets(root);

  const consumed = new Set<OutlineNode>();
  const labelled = labelledTasks(root, consumed);
  const unitSections = unitSectionTasks(root, consumed);
  const drafts = [
    ...labelled,
    ...unitSections,
    ...sentenceTasks(root, consumed, labelled.length + new Set(unitSections.map((d) => d.lead.join("; "))).size),
    ...tableTasks(tables, warnings),
  ];
  const content = extractContent(root, consumed, warnings);
  const tasks = finalizeTasks(drafts, warnings, planYear(header, text));
  unitsAsWritten(tasks, text);
  if (tasks.length === 0) warnings.push("Không tìm thấy nhiệm vụ nào");
  return { header, targets, units: collectUnits(tasks), tasks, content, warnings };
}
