export interface Marker {
  kind: "event" | "per_plan";
  /** Where the marker starts in the folded text; the event note is taken from here. */
  index: number;
}

const B = "(?<![a-z0-9])";

const EVENT = new RegExp(
  B +
    "(?:" +
    [
      // "trong vòng 30 ngày kể từ ngày Luật có hiệu lực", "sau 15 ngày làm việc kể từ…"
      "(?:(?:trong\\s+(?:vong|thoi han)|sau|cham nhat)\\s+)?\\d+\\s+(?:ngay|thang)(?:\\s+lam\\s+viec)?\\s+(?:ke\\s+tu|tinh\\s+tu|sau\\s+khi)",
      "(?:ngay\\s+)?(?:sau|truoc)\\s+khi",
      "ke\\s+tu",
      "(?:ngay\\s+)?khi",
      "theo\\s+(?:lo\\s+trinh|tien\\s+do|yeu\\s+cau|chi\\s+dao|huong\\s+dan|quy\\s+dinh|de\\s+nghi)",
    ].join("|") +
    ")(?![a-z0-9])",
  "g",
);

// The unit's own plan or work programme: "theo kế hoạch", "theo Kế hoạch của UBND tỉnh", "theo chương trình công tác".
const PER_PLAN = new RegExp(`${B}theo\\s+(?:ke\\s+hoach|chuong\\s+trinh|lich)(?![a-z0-9])`, "g");

/** The first event or own-plan marker in the folded phrase. */
export function findMarker(folded: string): Marker | null {
  const markers: Marker[] = [
    ...[...folded.matchAll(EVENT)].map((m) => ({ kind: "event" as const, index: m.index })),
    ...[...folded.matchAll(PER_PLAN)].map((m) => ({ kind: "per_plan" as const, index: m.index })),
  ];
  markers.sort((a, b) => a.index - b.index);
  return markers[0] ?? null;
}
