import { formatDate } from "../../core/time/vietnam-date";

/** /lapbaocao: drafting the báo cáo kết quả thực hiện kế hoạch as a Word file. */
export const planReportTexts = {
  pickPlan: (count: number) =>
    `📄 <b>Lập báo cáo kết quả thực hiện kế hoạch</b>\nĐồng chí theo dõi ${count} kế hoạch. Bấm số để chọn kế hoạch cần báo cáo:`,
  planLine: (n: number, label: string) => `${n}. ${label}`,
  pickPeriod: (plan: string, today: string) =>
    `📄 <b>Báo cáo kết quả thực hiện</b> · ${plan}\nChọn kỳ báo cáo. Số liệu tính đến hết ngày cuối kỳ (kỳ đang diễn ra: đến hôm nay, ${formatDate(today)}).\n\n` +
    "Kỳ khác: gõ <code>/lapbaocao quý I/2026</code>, <code>/lapbaocao 6 tháng đầu năm 2026</code> hoặc <code>/lapbaocao 01/01/2026-30/06/2026</code>.",
  periodButton: (label: string) => label.charAt(0).toUpperCase() + label.slice(1),
  badPeriod:
    "Chưa hiểu kỳ báo cáo. Đồng chí gõ như: <code>/lapbaocao tháng 5/2026</code>, <code>/lapbaocao quý II/2026</code>, " +
    "<code>/lapbaocao năm 2026</code> hoặc <code>/lapbaocao 01/01/2026-30/06/2026</code>.",
  future: "Kỳ này chưa bắt đầu nên chưa có số liệu. Đồng chí chọn kỳ đã qua hoặc kỳ đang diễn ra.",
  pickLayout: (issuer: string) =>
    `Chưa xác định được thể thức văn bản của <b>${issuer}</b>. Đồng chí chọn thể thức trình bày báo cáo:`,
  layoutParty: "Văn bản của Đảng (HD 36-HD/VPTW)",
  layoutState: "Văn bản hành chính (NĐ 30/2020/NĐ-CP)",
  working: "⏳ Đang lập báo cáo…",
  queued: (plan: string, rows: number) =>
    `⏳ Kế hoạch ${plan} có ${rows.toLocaleString("vi-VN")} nhiệm vụ giao cho đơn vị: báo cáo đang được lập, đường dẫn tải sẽ được gửi vào đây khi xong (thường vài phút).`,
  empty: "Kế hoạch chưa giao nhiệm vụ cho đơn vị nào, chưa có gì để báo cáo.",
  ready: (caption: string, link: string) => `${caption}\n\n📥 Tải báo cáo (hiệu lực 1 giờ):\n${link}`,
};
