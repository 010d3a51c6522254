/**
 * Deadline alerts and their settings. Short, the date as dd/mm/yyyy, and the
 * next step last. Arguments are already escaped for HTML.
 */
export const alertTexts = {
  dueHeader: (days: number, due: string) =>
    days <= 0
      ? `⏰ <b>Hôm nay là hạn chót</b> (${due})`
      : days === 1
        ? `⏰ <b>Ngày mai là hạn chót</b> (${due})`
        : `⏰ <b>Còn ${days} ngày đến hạn</b> (${due})`,
  overdueHeader: (days: number, due: string) => `🔴 <b>Quá hạn ${days} ngày</b> (hạn ${due})`,
  escalationHeader: "🔴 <b>Nhiệm vụ quá hạn chưa được xử lý</b>",
  taskLine: (ref: string, title: string) => `<b>Nhiệm vụ ${ref}</b>: ${title}`,
  planLine: (plan: string) => `Kế hoạch: ${plan}`,
  dueNext: "Đề nghị đồng chí báo cáo tiến độ trước hạn.",
  overdueNext: "Đề nghị báo cáo tiến độ; nếu cần thêm thời gian, đề nghị gia hạn.",
  escalationUnit: (unit: string, days: number, due: string) => `Đơn vị: ${unit} · quá hạn ${days} ngày (hạn ${due})`,
  escalationNext: (firstAlert: string) =>
    `Đơn vị chưa báo cáo từ khi được nhắc ngày ${firstAlert}. Đề nghị đồng chí chỉ đạo thực hiện và báo cáo.`,

  checkinOpenHeader: (period: string, end: string) => `🔁 <b>Báo cáo định kỳ ${period}</b> (hạn ${end})`,
  checkinOpenIntro: "Các nhiệm vụ thường xuyên đơn vị chưa báo cáo kỳ này:",
  checkinMissedHeader: (period: string, end: string) => `🔁 <b>Chưa báo cáo định kỳ ${period}</b> (kỳ đã kết thúc ${end})`,
  checkinMissedIntro: "Các nhiệm vụ thường xuyên chưa có báo cáo kỳ trước:",
  checkinNext: "Chọn số để báo cáo.",
  moreItems: (n: number) => `… và ${n} nhiệm vụ khác (gõ /viec để xem).`,

  dailyHeader: (date: string) => `📋 <b>Tổng hợp ngày ${date}</b>`,
  dailyOverdue: (count: number, units: number) => `🔴 ${count} nhiệm vụ quá hạn ở ${units} đơn vị:`,
  dailyUnitLine: (unit: string, count: number) => `  • ${unit}: ${count}`,
  dailyOtherUnits: (n: number) => `  • … và ${n} đơn vị khác`,
  dailyExtensions: (n: number) => `⏳ ${n} đề nghị gia hạn chờ duyệt`,
  dailyCompletions: (n: number) => `🔵 ${n} báo cáo hoàn thành chờ xác nhận`,
  dailyOldest: "Quá hạn lâu nhất:",
  dailyItem: (n: number, ref: string, unit: string, days: number, title: string) =>
    `${n}. ${ref} · ${unit} · quá ${days} ngày — ${title}`,
  dailyNext: "Chọn số để mở nhiệm vụ.",

  weeklyHeader: (week: string, from: string, to: string) => `📊 <b>Tổng hợp tuần ${week}</b> (${from} – ${to})`,
  weeklyCounts: (total: number) => `Tình hình ${total} nhiệm vụ:`,
  weeklyStatus: (overdue: number, soon: number, awaiting: number, done: number, other: number) =>
    `🔴 Quá hạn: ${overdue} · 🟠 Sắp đến hạn: ${soon} · 🔵 Chờ xác nhận: ${awaiting} · ✅ Hoàn thành: ${done} · Khác (đang thực hiện, chưa đến hạn, thường xuyên, chưa có hạn): ${other}`,
  weeklyTopUnits: "Đơn vị quá hạn nhiều nhất:",
  weeklyNoOverdue: "Không có đơn vị nào quá hạn. 👍",
  weeklyChanges: (from: string, to: string, completed: number, newlyOverdue: number, reports: number) =>
    `Tuần trước (${from} – ${to}): ${completed} nhiệm vụ báo cáo hoàn thành, ${newlyOverdue} nhiệm vụ mới quá hạn, ${reports} báo cáo.`,

  unreachableNotice: (name: string, unit: string, since: string) =>
    `⚠️ Đồng chí <b>${name}</b> (${unit}) đã chặn bot nên không nhận được nhắc việc từ ngày ${since}.\n` +
    "Đề nghị nhắc đồng chí mở lại cuộc trò chuyện với bot, bấm «Bắt đầu» rồi gõ /tieptuc.",

  targetMissingHeader: (year: number) => `📈 <b>Chưa có số liệu chỉ tiêu năm ${year}</b>`,
  targetMissingIntro: (unit: string) => `${unit} phụ trách chỉ tiêu:`,
  targetGoal: (goal: string) => `Chỉ tiêu đề ra: ${goal}`,
  targetMissingNext: (year: number) => `Chọn «Ghi số liệu» rồi gõ kỳ và giá trị, ví dụ: <code>${year} 62,5</code>`,

  openTask: "📄 Mở nhiệm vụ",
  report: "✍️ Báo cáo tiến độ",
  mute: "🔕 Tắt nhắc việc này",
  mutedUntil: (until: string) => `🔕 Đã tắt nhắc đến ${until}`,
  muteDays: (days: number) => `${days} ngày`,
  muteCancel: "« Quay lại",
  muteAsk: "Tắt nhắc nhiệm vụ này trong bao lâu?",
  muteKept: "Vẫn nhắc nhiệm vụ này như cũ.",
  muteDone: (until: string) => `Đã tắt nhắc nhiệm vụ này đến hết ngày ${until}.`,

  pauseUsage: (example: string) =>
    "Tạm dừng mọi nhắc việc (nghỉ phép, đi công tác) đến hết một ngày:\n" +
    `/tamdung ngày/tháng/năm, ví dụ /tamdung ${example}\nGõ /tieptuc để bật lại.`,
  pauseState: (until: string) => `Nhắc việc đang tạm dừng đến hết ngày ${until}.`,
  pauseBadDate: (input: string, example: string) =>
    `Không hiểu ngày «${input}». Hãy gõ theo dạng ngày/tháng/năm, ví dụ /tamdung ${example}.`,
  pausePast: (date: string) => `Ngày ${date} đã qua. Hãy chọn một ngày từ hôm nay trở đi.`,
  pauseTooFar: (max: string) => `Chỉ tạm dừng được tối đa một năm, đến ${max}. Hãy chọn ngày sớm hơn.`,
  paused: (until: string) =>
    `Đã tạm dừng mọi nhắc việc đến hết ngày ${until}. Từ ngày hôm sau đồng chí sẽ nhận lại nhắc việc.\nGõ /tieptuc để bật lại sớm hơn.`,
  resumed: (mutes: number) =>
    `Đã bật lại nhắc việc.${mutes > 0 ? ` Các nhiệm vụ đã tắt nhắc (${mutes}) cũng được nhắc lại.` : ""}`,
  notPaused: "Nhắc việc đang bật, không có gì phải bật lại.",

  quietHeader: (count: number) => `<b>Cán bộ không nhận nhắc việc</b> (${count})`,
  quietNone: "Không có ai tạm dừng nhắc việc; mọi người đều nhận được tin nhắn của bot.",
  quietPaused: (name: string, unit: string, until: string) => `• ${name} · ${unit} · tạm dừng đến ${until}`,
  quietMore: (n: number) => `… và ${n} người khác`,
  quietUnreachable: (name: string, unit: string, since: string) => `• ${name} · ${unit} · đã chặn bot từ ${since}`,
} as const;
