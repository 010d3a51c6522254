/**
 * The report as an official reads it, before it is a file: heading block,
 * title, sections I–IV, recipients and signature. The .docx (docx.ts) and
 * the web's preview render this same content, so what the office previews is
 * what it downloads. The wording is the document's own (a template, in the
 * language of the administration), not chat text.
 */
import { formatDate } from "../time/vietnam-date";
import type { ReportData, ReportUnitRow } from "./data";
import { placeOf, symbolOf, type ReportLayout } from "./layout";

export interface Line {
  text: string;
  /** Points, where the line is set apart from the heading's own size. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export type Item =
  | { kind: "para"; text: string; bold?: boolean; italic?: boolean }
  | { kind: "table"; columns: { header: string; width: number; numeric?: boolean }[]; rows: string[][]; totalRow?: string[] };

export interface Section {
  heading: string;
  items: Item[];
}

export interface ReportDoc {
  layout: ReportLayout;
  heading: { left: Line[]; right: Line[] };
  title: string[];
  sections: Section[];
  closing: { recipients: string[]; signer: Line[] };
}

/** Rows listed in a document; the rest are counted and left to the workbook (/xuat). */
export const LIST_MAX = 200;

const upper = (s: string) => s.toLocaleUpperCase("vi-VN");

export function planName(plan: ReportData["plan"]): string {
  const number = plan.number ? `Kế hoạch số ${plan.number}` : "Kế hoạch";
  return plan.issuedOn ? `${number} ngày ${formatDate(plan.issuedOn)}` : number;
}

export function reportDoc(d: ReportData): ReportDoc {
  return {
    layout: d.layout,
    heading: heading(d),
    title: [
      "BÁO CÁO",
      `Kết quả thực hiện ${planName(d.plan)}`,
      d.plan.title.length <= 200 ? d.plan.title : `${d.plan.title.slice(0, 199)}…`,
      `(${d.period.label})`,
    ],
    sections: [deployment(d), results(d), shortcomings(d), nextSteps(d)],
    closing: closing(d),
  };
}

function heading(d: ReportData): ReportDoc["heading"] {
  const parent = d.issuer.parents[0];
  const place = placeOf([d.issuer.name, ...d.issuer.parents]) ?? "……";
  const [y, m, day] = d.draftedOn.split("-");
  const placeDate: Line = { text: `${place}, ngày ${day} tháng ${m} năm ${y}`, italic: true };
  const symbol = symbolOf(d.issuer.name);
  if (d.layout === "party") {
    return {
      left: [
        ...(parent ? [{ text: upper(parent) }] : []),
        { text: upper(d.issuer.name), bold: true },
        { text: "*" },
        { text: `Số        -BC/${symbol}` },
      ],
      right: [{ text: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true, size: 14 }, { text: "" }, placeDate],
    };
  }
  return {
    left: [
      ...(parent ? [{ text: upper(parent) }] : []),
      { text: upper(d.issuer.name), bold: true, underline: true },
      { text: `Số:        /BC-${symbol}` },
    ],
    right: [
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12 },
      { text: "Độc lập - Tự do - Hạnh phúc", bold: true, underline: true, size: 13 },
      { text: "" },
      placeDate,
    ],
  };
}

function asOfNote(d: ReportData): string {
  const scope = d.scope
    ? ` Báo cáo gồm các đơn vị do đồng chí ${d.scope.memberName} phụ trách: ${d.scope.unitNames.join("; ")}.`
    : "";
  return `Số liệu tính đến hết ngày ${formatDate(d.asOf)}, theo báo cáo của các đơn vị trên hệ thống theo dõi thực hiện kế hoạch.${scope}`;
}

function deployment(d: ReportData): Section {
  const items: Item[] = [{ kind: "para", text: asOfNote(d), italic: true }];
  const assigned = d.units.length;
  items.push({
    kind: "para",
    text: `${planName(d.plan)} giao ${d.total} lượt nhiệm vụ cho ${assigned} cơ quan, đơn vị chủ trì hoặc phối hợp thực hiện.`,
  });
  if (d.subPlans.length === 0) {
    items.push({ kind: "para", text: "Chưa có đơn vị nào cập nhật kế hoạch triển khai của đơn vị lên hệ thống." });
  } else {
    items.push({ kind: "para", text: `Có ${d.subPlans.length} văn bản triển khai của các cơ quan, đơn vị:` });
    for (const p of d.subPlans) {
      const number = p.number ? `Kế hoạch số ${p.number}` : "Kế hoạch";
      const on = p.issuedOn ? ` ngày ${formatDate(p.issuedOn)}` : "";
      items.push({ kind: "para", text: `- ${p.unitName}: ${number}${on} ${p.title}.` });
    }
  }
  return { heading: "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN", items };
}

const pct = (part: number, whole: number) =>
  whole === 0 ? "0" : String(Math.round((part / whole) * 1000) / 10).replace(".", ",");

export function unitTotals(units: ReportUnitRow[]): Omit<ReportUnitRow, "unitId" | "unitName"> {
  const sum = { total: 0, doneOnTime: 0, doneLate: 0, overdue: 0 };
  for (const u of units) {
    sum.total += u.total;
    sum.doneOnTime += u.doneOnTime;
    sum.doneLate += u.doneLate;
    sum.overdue += u.overdue;
  }
  return sum;
}

const unitCells = (r: Omit<ReportUnitRow, "unitId" | "unitName">) => [
  String(r.total),
  String(r.doneOnTime),
  String(r.doneLate),
  String(r.total - r.doneOnTime - r.doneLate - r.overdue),
  String(r.overdue),
];

function results(d: ReportData): Section {
  const c = d.counts;
  const done = c.done_on_time + c.done_late;
  const items: Item[] = [
    { kind: "para", text: "1. Kết quả chung", bold: true },
    {
      kind: "para",
      text:
        `Tổng số ${d.total} lượt nhiệm vụ; đã hoàn thành ${done} (${pct(done, d.total)}%), trong đó đúng hạn ${c.done_on_time}, ` +
        `quá hạn ${c.done_late}; chờ xác nhận hoàn thành ${c.awaiting_confirmation}; quá hạn chưa hoàn thành ${c.overdue}; ` +
        `sắp đến hạn ${c.due_soon}; đang thực hiện ${c.in_progress}; chưa đến hạn ${c.not_due}; ` +
        `thực hiện thường xuyên ${c.recurring}; chưa xác định thời hạn ${c.no_deadline}.`,
    },
  ];
  if (d.completionsPending + d.extensionsPending > 0)
    items.push({
      kind: "para",
      text: `Đang chờ cơ quan theo dõi xem xét: ${d.completionsPending} báo cáo hoàn thành, ${d.extensionsPending} đề nghị gia hạn.`,
    });
  items.push({ kind: "para", text: "2. Kết quả theo cơ quan, đơn vị", bold: true });
  items.push({
    kind: "table",
    columns: [
      { header: "TT", width: 7, numeric: true },
      { header: "Cơ quan, đơn vị", width: 33 },
      { header: "Số nhiệm vụ", width: 12, numeric: true },
      { header: "Hoàn thành đúng hạn", width: 12, numeric: true },
      { header: "Hoàn thành quá hạn", width: 12, numeric: true },
      { header: "Đang thực hiện", width: 12, numeric: true },
      { header: "Quá hạn", width: 12, numeric: true },
    ],
    rows: d.units.map((u, i) => [String(i + 1), u.unitName, ...unitCells(u)]),
    totalRow: ["", "Tổng cộng", ...unitCells(unitTotals(d.units))],
  });
  items.push({ kind: "para", text: "3. Kết quả thực hiện các chỉ tiêu", bold: true });
  if (d.targets.length === 0) items.push({ kind: "para", text: "Kế hoạch không đặt chỉ tiêu định lượng." });
  else
    items.push({
      kind: "table",
      columns: [
        { header: "TT", width: 7, numeric: true },
        { header: "Chỉ tiêu", width: 43 },
        { header: "Mục tiêu", width: 17 },
        { header: "Kết quả", width: 18 },
        { header: "Đánh giá", width: 15 },
      ],
      rows: d.targets.map((t, i) => [
        String(i + 1),
        t.text,
        t.goal ?? "",
        t.value ? `${t.value} (${t.valuePeriod})` : "Chưa có số liệu",
        t.met === null ? "" : t.met ? "Đạt" : "Chưa đạt",
      ]),
    });
  return { heading: "II. KẾT QUẢ THỰC HIỆN", items };
}

function shortcomings(d: ReportData): Section {
  const items: Item[] = [{ kind: "para", text: "1. Nhiệm vụ quá hạn chưa hoàn thành", bold: true }];
  if (d.overdueTotal === 0) items.push({ kind: "para", text: "Không có nhiệm vụ quá hạn." });
  else {
    items.push({
      kind: "table",
      columns: [
        { header: "TT", width: 7, numeric: true },
        { header: "Nhiệm vụ", width: 30 },
        { header: "Đơn vị", width: 18 },
        { header: "Hạn", width: 15, numeric: true },
        { header: "Số ngày quá hạn", width: 9, numeric: true },
        { header: "Báo cáo gần nhất", width: 21 },
      ],
      rows: d.overdue.map((t, i) => [
        String(i + 1),
        `${t.ref}. ${t.title}`,
        t.unitName,
        formatDate(t.due),
        String(t.daysOverdue),
        t.lastReportOn ? `${formatDate(t.lastReportOn)}: ${t.lastReportNote ?? ""}`.trim() : "Chưa báo cáo",
      ]),
    });
    if (d.overdueTotal > d.overdue.length)
      items.push({
        kind: "para",
        text: `Và ${d.overdueTotal - d.overdue.length} lượt nhiệm vụ quá hạn khác (chi tiết trong bảng tổng hợp Excel).`,
        italic: true,
      });
  }
  items.push({ kind: "para", text: "2. Đơn vị chưa báo cáo", bold: true });
  items.push({
    kind: "para",
    text:
      d.silentUnits.length === 0
        ? "Các đơn vị được giao nhiệm vụ đều đã báo cáo trên hệ thống."
        : `${d.silentUnits.length} đơn vị chưa gửi báo cáo nào: ${d.silentUnits.join("; ")}.`,
  });
  items.push({ kind: "para", text: "3. Nguyên nhân", bold: true });
  items.push({ kind: "para", text: "(Cơ quan tham mưu bổ sung.)", italic: true });
  return { heading: "III. TỒN TẠI, HẠN CHẾ", items };
}

function nextSteps(d: ReportData): Section {
  const items: Item[] = [{ kind: "para", text: "(Cơ quan tham mưu bổ sung.)", italic: true }];
  if (d.next.total === 0) items.push({ kind: "para", text: `Không có nhiệm vụ đến hạn trong ${d.next.label}.` });
  else {
    items.push({ kind: "para", text: `Các nhiệm vụ đến hạn trong ${d.next.label}:` });
    items.push({
      kind: "table",
      columns: [
        { header: "TT", width: 7, numeric: true },
        { header: "Nhiệm vụ", width: 50 },
        { header: "Đơn vị", width: 28 },
        { header: "Hạn", width: 15, numeric: true },
      ],
      rows: d.next.tasks.map((t, i) => [String(i + 1), `${t.ref}. ${t.title}`, t.unitName, formatDate(t.due)]),
    });
    if (d.next.total > d.next.tasks.length)
      items.push({ kind: "para", text: `Và ${d.next.total - d.next.tasks.length} lượt nhiệm vụ khác.`, italic: true });
  }
  return { heading: "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", items };
}

function closing(d: ReportData): ReportDoc["closing"] {
  const parent = d.issuer.parents[0];
  const recipients =
    d.layout === "party"
      ? [...(parent ? [`- ${parent} (để báo cáo),`] : []), "- Các đồng chí Ủy viên Ban Thường vụ,", "- Lưu Văn phòng."]
      : [...(parent ? [`- ${parent} (để báo cáo);`] : []), "- Các cơ quan, đơn vị liên quan;", "- Lưu: VT."];
  const signer: Line[] =
    d.layout === "party"
      ? [{ text: `T/M ${upper(d.issuer.name)}`, bold: true }]
      : [{ text: `TM. ${upper(d.issuer.name)}`, bold: true }];
  return { recipients, signer };
}
