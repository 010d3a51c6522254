export const historyTexts = {
  header: (ref: string, unit: string) => `🕘 <b>Lịch sử nhiệm vụ ${ref}</b> · ${unit}`,
  empty: "Chưa có báo cáo hay đề nghị nào.",
  progress: (at: string, who: string, percent: number | null, note: string) => `${at} · ${who} báo cáo ${percent ?? 0}%: ${note}`,
  completion: (at: string, who: string, note: string) => `${at} · ${who} báo cáo hoàn thành: ${note}`,
  checkin: (at: string, who: string, period: string, note: string) => `${at} · ${who} báo cáo kỳ ${period}: ${note}`,
  reviewed: (at: string, confirmed: boolean, note: string | null) =>
    `${at} · ${confirmed ? "✔ được xác nhận hoàn thành" : `↩ bị trả lại${note ? `: ${note}` : ""}`}`,
  reviewPending: "   (chờ xác nhận)",
  extension: (at: string, from: string, to: string, reason: string) => `${at} · xin gia hạn ${from} → ${to}: ${reason}`,
  extensionDecided: (at: string, approved: boolean) => `${at} · ${approved ? "✔ gia hạn được đồng ý" : "✖ gia hạn bị từ chối"}`,
  extensionPending: "   (chờ duyệt)",
  files: (count: number) => `   📎 ${count} tệp — chọn 📎 bên dưới để mở`,
  fileButton: (n: number, name: string) => `📎 ${n}. ${name}`,
  fileGone: "Không mở được tệp này nữa.",
} as const;
