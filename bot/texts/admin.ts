/**
 * The monitoring office's screens (/tongquan, /donvi, /quahan, /nhiemvu,
 * /duyet, /xuat, /chitieu, /canbo, /kehoach). Each fits a phone screen;
 * arguments are already escaped for HTML.
 */
export const adminTexts = {
  notForYou: "Lệnh này dành cho cơ quan theo dõi kế hoạch (quản trị, theo dõi). Gõ /viec để xem nhiệm vụ của đơn vị.",
  noPlan: "Đồng chí chưa theo dõi kế hoạch nào đang thực hiện.",
  manageOnly: "Chỉ quản trị viên theo dõi kế hoạch này mới làm được việc này.",
  otherPlan: "Mục này thuộc một kế hoạch khác với kế hoạch đang chọn. Gõ /kehoach để chọn lại.",
  planLine: (plan: string) => `Kế hoạch: ${plan}`,
  page: (page: number, pages: number) => `Trang ${page}/${pages}`,
  more: (n: number) => `… và ${n} nữa`,
  back: "« Tổng quan",

  overview: {
    header: (plan: string) => `📊 <b>Tổng quan</b> · ${plan}`,
    date: (date: string, total: number) => `Ngày ${date} · ${total} nhiệm vụ được giao cho các đơn vị`,
    empty: "Kế hoạch chưa có nhiệm vụ nào được giao.",
    done: (done: number, total: number, share: number, onTime: number, onTimeShare: number) =>
      `✅ Hoàn thành: <b>${done}/${total}</b> (${share}%)${done > 0 ? ` · đúng hạn ${onTime}/${done} (${onTimeShare}%)` : ""}`,
    worstHeader: "<b>Đơn vị quá hạn nhiều nhất</b>",
    worstLine: (n: number, unit: string, count: number) => `${n}. ${unit} — ${count}`,
    otherUnits: (n: number) => `… và ${n} đơn vị khác (/quahan)`,
    noOverdue: "Không có đơn vị nào quá hạn. 👍",
    targetsHeader: "<b>Chỉ tiêu</b>",
    waiting: (completions: number, extensions: number) =>
      `⏳ Chờ duyệt: ${completions} báo cáo hoàn thành, ${extensions} đề nghị gia hạn`,
    footer: "Chọn số để xem đơn vị.",
    buttons: {
      overdue: "🔴 Quá hạn",
      approvals: (n: number) => (n > 0 ? `⏳ Chờ duyệt (${n})` : "⏳ Chờ duyệt"),
      units: "🏢 Đơn vị",
      targets: "🎯 Chỉ tiêu",
      export: "📥 Xuất Excel",
      refresh: "🔄 Cập nhật",
    },
  },
  bucket: {
    overdue: "🔴 Quá hạn",
    due_soon: "🟠 Sắp đến hạn",
    awaiting_confirmation: "🔵 Chờ xác nhận",
    in_progress: "🟡 Đang thực hiện",
    not_due: "⚪ Chưa đến hạn",
    recurring: "🔁 Thường xuyên",
    no_deadline: "⚫ Chưa có hạn",
    done_late: "✅ Hoàn thành quá hạn",
    done_on_time: "✅ Hoàn thành đúng hạn",
  },

  units: {
    header: (plan: string, count: number) => `🏢 <b>Các đơn vị</b> · ${plan} (${count})`,
    line: (n: number, unit: string, total: number, overdue: number, done: number) =>
      `${n}. ${unit} — ${total} nhiệm vụ${overdue > 0 ? ` · 🔴 ${overdue} quá hạn` : ""}${done > 0 ? ` · ✅ ${done}` : ""}`,
    footer: "Chọn số để xem đơn vị. Tìm theo tên: /donvi to chuc",
    none: "Kế hoạch chưa giao nhiệm vụ cho đơn vị nào.",
    notFound: (query: string) => `Không tìm thấy đơn vị nào có tên gần với «${query}». Gõ /donvi để xem danh sách.`,
    choose: (query: string) => `Các đơn vị có tên gần với «${query}»:`,
    tooMany: "Còn nhiều đơn vị khác: hãy gõ thêm chữ để thu hẹp.",
    notInScope: "Đơn vị này không thuộc phạm vi kế hoạch đồng chí theo dõi.",
  },

  unit: {
    header: (unit: string) => `🏢 <b>${unit}</b>`,
    counts: (plan: string, total: number, parts: string) => `${plan} · ${total} nhiệm vụ${parts ? `: ${parts}` : ""}`,
    noTasks: "Đơn vị không có nhiệm vụ nào trong kế hoạch này.",
    membersHeader: (n: number) => `<b>Cán bộ</b> (${n})`,
    targetsHeader: (n: number) => `<b>Chỉ tiêu phụ trách</b> (${n})`,
    noMembers: "Chưa có ai tham gia. Dùng /moi để mời.",
    member: (name: string, role: string, flags: string) => `• ${name} (${role})${flags ? ` — ${flags}` : ""}`,
    moreMembers: (n: number) => `• … và ${n} người khác`,
    lastReport: (date: string) => `báo cáo gần nhất ${date}`,
    neverReported: "⚠️ chưa báo cáo lần nào",
    unreachable: (since: string) => `⛔ đã chặn bot từ ${since}`,
    paused: (until: string) => `⏸ tạm dừng nhắc đến ${until}`,
    footer: "Chọn số để mở nhiệm vụ.",
    buttons: { people: "👥 Quản lý cán bộ", units: "« Các đơn vị" },
  },

  overdue: {
    header: (plan: string) => `🔴 <b>Quá hạn</b> · ${plan}`,
    summary: (total: number, units: number) => `${total} nhiệm vụ quá hạn ở ${units} đơn vị`,
    none: "Không có nhiệm vụ nào quá hạn. 👍",
    unit: (n: number, unit: string, count: number) => `<b>${n}. ${unit}</b> — ${count}`,
    item: (ref: string, title: string, days: number) => `   • ${ref} ${title} (quá ${days} ngày)`,
    moreItems: (n: number) => `   … và ${n} nhiệm vụ khác`,
    footer: (manage: boolean) =>
      manage ? "Chọn số của đơn vị để xem; «Nhắc ngay» gửi nhắc việc tới cán bộ của đơn vị." : "Chọn số của đơn vị để xem.",
    remind: "🔔 Nhắc ngay",
    reminded: (people: number, unit: string, tasks: number) =>
      `Đã đưa nhắc việc tới ${people} cán bộ của ${unit} (${tasks} nhiệm vụ quá hạn) vào hàng gửi; tin được gửi trong giờ làm việc.`,
    remindedToday: "Hôm nay đơn vị này đã được nhắc rồi; tin nhắc chỉ gửi một lần mỗi ngày.",
    nobodyToRemind: (unit: string) =>
      `${unit} chưa có cán bộ nào nhận được nhắc việc (chưa tham gia, đã chặn bot hoặc đang tạm dừng). Hãy liên hệ trực tiếp.`,
    nothingOverdue: "Đơn vị không còn nhiệm vụ quá hạn.",
    message: {
      header: (office: string) => `🔔 <b>${office} nhắc việc quá hạn</b>`,
      intro: (count: number) => `Đơn vị có ${count} nhiệm vụ quá hạn:`,
      item: (n: number, ref: string, title: string, due: string, days: number) =>
        `${n}. ${ref} — ${title} (hạn ${due}, quá ${days} ngày)`,
      more: (n: number) => `… và ${n} nhiệm vụ khác (gõ /viec để xem).`,
      next: "Đề nghị đồng chí báo cáo tiến độ; nếu cần thêm thời gian, đề nghị gia hạn. Chọn số để mở nhiệm vụ.",
    },
  },

  task: {
    usage: "Gõ /nhiemvu rồi số hiệu hoặc vài chữ trong tên nhiệm vụ, ví dụ: /nhiemvu IV.2.1 hoặc /nhiemvu tri thuc tre",
    notFound: (query: string) => `Không tìm thấy nhiệm vụ nào khớp «${query}» trong kế hoạch này.`,
    choose: (query: string, count: number) => `Các nhiệm vụ khớp «${query}» (${count}):`,
    hit: (n: number, ref: string, title: string) => `${n}. ${ref} — ${title}`,
    header: (ref: string, plan: string) => `📄 <b>Nhiệm vụ ${ref}</b> · ${plan}`,
    unitsHeader: (n: number) => `<b>Các đơn vị</b> (${n})`,
    unitLine: (n: number, unit: string, role: string, status: string, progress: number, last: string | null) =>
      `${n}. ${unit} (${role}) — ${status}${progress > 0 ? ` · ${progress}%` : ""}${last ? ` · báo cáo ${last}` : ""}`,
    role: { lead: "chủ trì", coop: "phối hợp" },
    footer: "Chọn số để mở nhiệm vụ của từng đơn vị.",
    history: "🕘 Toàn bộ lịch sử",
    historyHeader: (ref: string, page: number, pages: number) =>
      `🕘 <b>Lịch sử nhiệm vụ ${ref}</b> · mọi đơn vị${pages > 1 ? ` (trang ${page}/${pages})` : ""}`,
    historyEmpty: "Chưa có báo cáo, đề nghị hay thay đổi nào.",
    who: (name: string, unit: string) => `${name} (${unit})`,
    by: (name: string) => ` — ${name}`,
    extensionBy: (name: string, unit: string) => ` (${name}, ${unit})`,
    audit: (at: string, who: string, what: string) => `${at} · ${who}: ${what}`,
    auditActions: {
      "task.checkin_every": "đặt kỳ báo cáo định kỳ",
      "reminder.manual": "nhắc việc quá hạn",
    } as Record<string, string>,
    someone: "Hệ thống",
    backToTask: "« Nhiệm vụ",
  },

  approvals: {
    header: (plan: string, n: number) => `⏳ <b>Chờ duyệt</b> · ${plan} (${n})`,
    none: "Không có gì chờ duyệt. 👍",
    completion: (n: number, ref: string, unit: string, by: string, at: string, note: string) =>
      `${n}. ✅ <b>Hoàn thành</b> · ${ref} · ${unit}\n    ${by}, ${at}: «${note}»`,
    extension: (n: number, ref: string, unit: string, by: string, at: string, from: string, to: string, reason: string) =>
      `${n}. ⏳ <b>Gia hạn</b> · ${ref} · ${unit}\n    ${by}, ${at}: ${from} → <b>${to}</b>. Lý do: ${reason}`,
    footer: (manage: boolean) => (manage ? "Chọn số để xem và duyệt." : "Chọn số để xem chi tiết."),
    gone: "Việc này đã được xử lý rồi.",
    refresh: "🔄 Làm mới",
  },

  export: {
    caption: (plan: string, date: string, total: number, overdue: number) =>
      `📥 Báo cáo tình hình thực hiện ${plan}, ngày ${date}: ${total} nhiệm vụ, ${overdue} quá hạn.\nMở bằng Excel hoặc LibreOffice.`,
    csvCaption: (plan: string, date: string) => `📥 ${plan}, ngày ${date} (CSV, UTF-8).`,
    csvButton: "Tải bản CSV",
    queued: (plan: string, rows: number) =>
      `⏳ ${plan} có ${rows.toLocaleString("vi-VN")} nhiệm vụ giao cho đơn vị: báo cáo đang được lập. Bot sẽ gửi đường dẫn tải về đây khi xong (thường vài phút).`,
    ready: (caption: string, link: string) => `${caption}\n\n📥 Tải về (hiệu lực 1 giờ):\n${link}`,
    empty: "Kế hoạch chưa có nhiệm vụ nào để xuất.",
    title: "bao-cao",
  },

  targets: {
    header: (plan: string) => `🎯 <b>Chỉ tiêu</b> · ${plan}`,
    none: "Kế hoạch không có chỉ tiêu nào.",
    line: (n: number, text: string) => `${n}. ${text}`,
    goal: (goal: string) => `   Chỉ tiêu đề ra: ${goal}`,
    latest: (value: string, period: string, trend: string, verdict: string) =>
      `   Mới nhất: <b>${value}</b> (${period})${trend}${verdict}`,
    noValue: "   Chưa có số liệu.",
    trend: { up: (from: string) => ` ↑ từ ${from}`, down: (from: string) => ` ↓ từ ${from}`, flat: () => " → không đổi" },
    met: " · ✅ đạt",
    notMet: " · ⚠️ chưa đạt",
    footer: "Chọn số để xem chi tiết và ghi số liệu.",
    overviewLine: (text: string, value: string, verdict: string) => `• ${text}: ${value}${verdict}`,
    overviewNone: (text: string) => `• ${text}: chưa có số liệu`,
    detailHeader: (n: number) => `🎯 <b>Chỉ tiêu ${n}</b>`,
    seriesHeader: "<b>Số liệu đã ghi</b>",
    seriesLine: (period: string, value: string, who: string, at: string, note: string | null) =>
      `• ${period}: <b>${value}</b> — ${who}, ${at}${note ? `. ${note}` : ""}`,
    record: "✍️ Ghi số liệu",
    backToList: "« Chỉ tiêu",
    ask: (text: string) =>
      `✍️ <b>Ghi số liệu</b>\n${text}\n\nGõ kỳ và giá trị, có thể thêm ghi chú sau dấu phẩy. Ví dụ:\n` +
      "<code>2025 62,5</code>\n<code>quý III/2025: 48, theo báo cáo của UBND</code>\n<code>6 tháng đầu năm 2025 = 12</code>",
    badFormat: "Chưa đọc được. Gõ kỳ rồi giá trị, ví dụ: 2025 62,5",
    badPeriod: "Chưa hiểu kỳ. Dùng: 2025, 6 tháng đầu năm 2025, quý III/2025 hoặc tháng 7/2025 (năm từ 2000 đến 2100).",
    badValue: "Giá trị phải là một số viết thường, ví dụ 62,5 hoặc 1200 (không dùng dạng 1e5, tối đa 1.000 tỷ).",
    badShare: "Chỉ tiêu tính bằng %: giá trị từ 0 đến 100. Hãy gõ lại; chưa có gì được ghi.",
    noteTooLong: (max: number) => `Ghi chú tối đa ${max} ký tự. Hãy gõ lại ngắn hơn; chưa có gì được ghi.`,
    saved: (period: string, value: string) => `Đã ghi ${period}: <b>${value}</b>.`,
    unitHeader: (unit: string) => `🎯 <b>Chỉ tiêu ${unit} phụ trách</b>`,
    unitNone: `Đơn vị của đồng chí chưa được giao theo dõi chỉ tiêu nào. Khi cơ quan theo dõi kế hoạch giao, chỉ tiêu sẽ hiện ở đây để đơn vị ghi số liệu.`,
    unitFooter: "Chọn số để xem chi tiết và ghi số liệu của kỳ mới.",
    notYours: "Chỉ tiêu này không do đơn vị của đồng chí phụ trách. Gõ /chitieu để xem chỉ tiêu của đơn vị.",
    recordOnly: "Chỉ quản trị viên của kế hoạch và cán bộ đơn vị phụ trách mới ghi được số liệu chỉ tiêu này.",
    plan: (plan: string) => `Kế hoạch: ${plan}`,
    responsible: (unit: string) => `Đơn vị phụ trách: <b>${unit}</b>`,
    noResponsible: "Đơn vị phụ trách: chưa giao (văn phòng ghi số liệu)",
    chooseUnitButton: "👥 Giao đơn vị phụ trách",
    chooseUnit: (n: number, page: number, pages: number) =>
      `👥 <b>Đơn vị phụ trách chỉ tiêu ${n}</b>\nĐơn vị được giao sẽ nhận thông báo và tự ghi số liệu.\n` +
      `Chọn đơn vị${pages > 1 ? ` (trang ${page}/${pages})` : ""}, hoặc gõ một phần tên (không cần dấu), ví dụ: <code>ubnd</code>`,
    unitsFound: (query: string) => `Các đơn vị có tên gần với «${query}»: chọn đơn vị để giao.`,
    unitNotFound: (query: string) =>
      `Không tìm thấy đơn vị nào có tên gần với «${query}». Gõ lại tên khác, hoặc chọn «Quay lại».`,
    noUnit: "✖ Không giao đơn vị nào",
    unitSet: (unit: string, told: number) =>
      `✔ Đã giao ${unit} phụ trách chỉ tiêu.${told > 0 ? ` Đã báo cho ${told} người của đơn vị.` : " Đơn vị chưa có ai nhận thông báo: hãy mời cán bộ bằng /moi."}`,
    unitCleared: "✔ Chỉ tiêu không còn giao đơn vị nào; văn phòng ghi số liệu.",
    unitUnchanged: "Không có gì thay đổi.",
    assignedNotice: (office: string, unit: string, text: string, goal: string | null, plan: string) =>
      `🎯 <b>Chỉ tiêu giao ${unit} theo dõi</b>\n${office} giao đơn vị ghi số liệu chỉ tiêu:\n${text}` +
      `${goal ? `\nChỉ tiêu đề ra: ${goal}` : ""}\nKế hoạch: ${plan}\n\nKhi có số liệu của một kỳ, chọn “Ghi số liệu” (hoặc gõ /chitieu).`,
    viewButton: "🎯 Xem chỉ tiêu",
    backToTarget: "« Quay lại",
  },

  people: {
    chooseUnit: (page: number, pages: number) => `👥 <b>Cán bộ</b>\nChọn đơn vị${pages > 1 ? ` (trang ${page}/${pages})` : ""}:`,
    noUnits: "Chưa có đơn vị nào. Hãy nhập kế hoạch trước.",
    header: (unit: string, n: number) => `👥 <b>Cán bộ của ${unit}</b> (${n})`,
    line: (n: number, name: string, role: string, flags: string) => `${n}. ${name} — ${role}${flags ? ` · ${flags}` : ""}`,
    footer: "Chọn số để đổi vai trò, chuyển đơn vị hoặc xóa.",
    none: "Đơn vị chưa có ai tham gia.",
    invite: "➕ Mời người vào đơn vị",
    chooseAnotherUnit: "« Chọn đơn vị",
    card: (name: string, unit: string, role: string, joined: string) =>
      `👤 <b>${name}</b>\nĐơn vị: ${unit}\nVai trò: ${role}\nTham gia: ${joined}`,
    cardFlag: (flag: string) => `\n${flag}`,
    yourself: "\n\n(Đây là đồng chí; không tự đổi vai trò, đơn vị hay tự xóa được.)",
    buttons: { role: "🔁 Đổi vai trò", move: "🏢 Chuyển đơn vị", remove: "🗑 Xóa khỏi hệ thống", back: "« Danh sách" },
    chooseRole: (name: string) => `Chọn vai trò mới cho <b>${name}</b>:`,
    chooseUnitFor: (name: string, page: number, pages: number) =>
      `Chuyển <b>${name}</b> sang đơn vị${pages > 1 ? ` (trang ${page}/${pages})` : ""}:`,
    confirmRemove: (name: string, unit: string) =>
      `Xóa <b>${name}</b> (${unit}) khỏi hệ thống?\nĐồng chí ấy sẽ không dùng được bot nữa; các báo cáo đã gửi vẫn được giữ trong lịch sử.`,
    confirmRemoveButton: "🗑 Xóa",
    cancel: "« Thôi",
    roleChanged: (role: string) => `\n\n✔ Đã đổi vai trò thành ${role}.`,
    moved: (unit: string) => `\n\n✔ Đã chuyển sang ${unit}.`,
    removed: (name: string) => `✔ Đã xóa ${name} khỏi hệ thống. Các báo cáo của đồng chí ấy vẫn còn trong lịch sử.`,
    unchanged: "Không có gì thay đổi (đã được thay đổi trước đó).",
    notYours: "Đồng chí không quản lý người này.",
    tellRole: (role: string) => `Vai trò của đồng chí trong hệ thống theo dõi kế hoạch đã được đổi thành <b>${role}</b>.`,
    tellMoved: (unit: string) => `Đồng chí đã được chuyển sang <b>${unit}</b>. Gõ /viec để xem nhiệm vụ của đơn vị mới.`,
    tellRemoved: "Đồng chí đã được đưa ra khỏi hệ thống theo dõi kế hoạch. Nếu có nhầm lẫn, hãy liên hệ Ban Tổ chức.",
    gone: "Người này đã rời hệ thống.",
  },

  plans: {
    header: (n: number) => `📚 <b>Kế hoạch đang theo dõi</b> (${n})`,
    line: (n: number, label: string, current: boolean) =>
      `${current ? "✔" : `${n}.`} ${label}${current ? " <i>(đang chọn)</i>" : ""}`,
    footer: "Các lệnh /tongquan, /quahan, /duyet, /xuat… dùng kế hoạch đang chọn. Chọn số để chọn kế hoạch khác.",
    switched: (label: string) => `Đã chọn: ${label}`,
    notReadable: "Đồng chí không theo dõi kế hoạch này.",
  },
} as const;
