import { escapeHtml, shorten } from "./html";

/** How a plan is named in a line: its number ("45-KH/HU"), else the start of its title. */
export function planLabel(plan: { number: string | null; title: string }): string {
  return escapeHtml(plan.number ?? shorten(plan.title, 60));
}
