/**
 * The workbook's "Chỉ tiêu" sheet: each target with its goal, the unit that
 * records it, the latest value against the goal, the one before it and the
 * trend, as a sơ kết report sets them out. Values are numbers, so the office
 * can compute with them in Excel.
 */
import { vietnamDate } from "../time/vietnam-date";
import type { Cell, Column, Sheet } from "../xlsx";
import { goalLabel, periodLabelOf, standingOf, type Goal, type RecordedValue } from "./target";

export interface ExportTarget extends Goal {
  text: string;
  responsibleUnitName: string | null;
  values: (RecordedValue & { note: string | null; recordedByName: string })[];
}

export interface TargetSheetTexts {
  sheet: string;
  columns: {
    no: string;
    target: string;
    goal: string;
    responsible: string;
    latestPeriod: string;
    latestValue: string;
    unitOfMeasure: string;
    previousPeriod: string;
    previousValue: string;
    trend: string;
    verdict: string;
    recordedBy: string;
    recordedOn: string;
    note: string;
  };
  office: string;
  trend: { up: string; down: string; flat: string };
  met: string;
  notMet: string;
}

export function targetsSheet(targets: ExportTarget[], t: TargetSheetTexts): Sheet {
  const c = t.columns;
  const columns: Column[] = [
    { header: c.no, width: 6 },
    { header: c.target, width: 60 },
    { header: c.goal, width: 24 },
    { header: c.responsible, width: 30 },
    { header: c.latestPeriod, width: 20 },
    { header: c.latestValue, width: 11 },
    { header: c.unitOfMeasure, width: 11 },
    { header: c.previousPeriod, width: 20 },
    { header: c.previousValue, width: 11 },
    { header: c.trend, width: 11 },
    { header: c.verdict, width: 11 },
    { header: c.recordedBy, width: 22 },
    { header: c.recordedOn, width: 12 },
    { header: c.note, width: 40 },
  ];
  const rows = targets.map((target, i): Cell[] => {
    const s = standingOf(target, target.values);
    const latest = s.latest;
    return [
      i + 1,
      target.text,
      goalLabel(target),
      target.responsibleUnitName ?? t.office,
      latest ? periodLabelOf(latest.period) : null,
      latest ? latest.value : null,
      target.unitOfMeasure,
      s.previous ? periodLabelOf(s.previous.period) : null,
      s.previous ? s.previous.value : null,
      s.trend ? t.trend[s.trend] : null,
      s.met === true ? t.met : s.met === false ? t.notMet : null,
      latest ? latest.recordedByName : null,
      latest ? { date: vietnamDate(new Date(latest.createdAt)) } : null,
      latest ? latest.note : null,
    ];
  });
  return { name: t.sheet, columns, rows };
}
