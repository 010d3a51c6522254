/**
 * An audit entry's detail as a reader sees it: "Tên: … → …" for an edit,
 * the named fields otherwise, never the stored JSON.
 */
import { texts } from "../bot/texts/common";

const fieldLabel: Record<string, string> = {
  title: "Tên",
  deadlineText: "Thời hạn",
  ref: "Số hiệu",
  every: "Kỳ báo cáo",
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(trống)";
  if (field === "every" && typeof value === "string") return texts.cadenceLabel[value as "monthly"] ?? value;
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** One line per field: changes as "Tên: cũ → mới", other fields as "Tên: giá trị"; fields without a Vietnamese name are left out. */
export function auditDetailLines(detail: unknown): string[] {
  if (!isRecord(detail)) return [];
  if (isRecord(detail.from) && isRecord(detail.to)) {
    const from = detail.from;
    const to = detail.to;
    return Object.keys(fieldLabel)
      .filter((k) => (k in from || k in to) && from[k] !== to[k])
      .map((k) => `${fieldLabel[k]}: ${valueText(k, from[k])} → ${valueText(k, to[k])}`);
  }
  return Object.keys(fieldLabel)
    .filter((k) => k in detail)
    .map((k) => `${fieldLabel[k]}: ${valueText(k, detail[k])}`);
}
