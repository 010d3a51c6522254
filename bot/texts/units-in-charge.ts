/** /phutrach: committee members in charge of units, and their weekly digest. */
export const inChargeTexts = {
  committee: (unit: string) =>
    `👥 <b>Phân công phụ trách đơn vị</b> · ${unit}\nBấm số để chọn đơn vị mà đồng chí ủy viên phụ trách: đồng chí ấy nhận tổng hợp tuần và báo cáo riêng các đơn vị này.`,
  committeeLine: (n: number, name: string, units: number) =>
    `${n}. ${name} — ${units > 0 ? `${units} đơn vị` : "chưa phân công"}`,
  noCommittee:
    "Đơn vị chưa có ủy viên nào tham gia với vai trò người xem. Dùng /moi để mời (vai trò: người xem), rồi gõ lại /phutrach.",
  noUnits: "Các kế hoạch do đơn vị ban hành chưa giao nhiệm vụ cho đơn vị nào.",
  memberUnits: (name: string, count: number) => `👤 <b>${name}</b> phụ trách ${count} đơn vị. Bấm số để thêm hoặc bỏ một đơn vị:`,
  unitLine: (n: number, name: string, on: boolean) => `${n}. ${on ? "✅" : "▫️"} ${name}`,
  added: (unit: string) => `Đã giao phụ trách: ${unit}`,
  removed: (unit: string) => `Đã bỏ phụ trách: ${unit}`,
  notYours: "Chỉ quản trị của đơn vị ban hành kế hoạch phân công ủy viên (vai trò người xem) của đơn vị mình.",
  notForYou: "Lệnh này dành cho quản trị đơn vị ban hành kế hoạch và các đồng chí ủy viên được phân công phụ trách đơn vị.",
  mineHeader: (plan: string) => `🧭 <b>Các đơn vị đồng chí phụ trách</b> · ${plan}`,
  mineNone: "Đồng chí chưa được phân công phụ trách đơn vị nào. Quản trị của đơn vị gõ /phutrach để phân công.",
  mineUnits: (names: string) => `Đơn vị: ${names}`,
  mineCounts: (total: number, overdue: number, soon: number, awaiting: number, done: number) =>
    `${total} nhiệm vụ: 🔴 quá hạn <b>${overdue}</b> · 🟠 sắp đến hạn ${soon} · ⏳ chờ xác nhận ${awaiting} · ✅ hoàn thành ${done}`,
  mineWorst: "Quá hạn nhiều nhất:",
  worstLine: (n: number, name: string, count: number) => `${n}. ${name} — ${count}`,
  reportButton: (label: string) => `📄 Báo cáo ${label}`,
  digestHeader: (week: string) => `📊 <b>Tổng hợp tuần ${week}</b> · các đơn vị đồng chí phụ trách`,
  digestPlan: (plan: string) => `\n<b>${plan}</b>`,
  digestFooter: "Gõ /phutrach để xem chi tiết hoặc lập báo cáo các đơn vị này.",
};
