/** Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in Asia/Ho_Chi_Minh at `instant`, as ISO yyyy-mm-dd. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO yyyy-mm-dd → dd/mm/yyyy, the form Vietnamese readers expect. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/** An instant rendered as HH:MM dd/mm/yyyy in Vietnam time. */
export function formatDateTime(instant: Date | string): string {
  const shifted = new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${shifted.slice(11, 16)} ${formatDate(shifted)}`;
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}
