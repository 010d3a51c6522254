import type { PlanFileRejection } from "../../core/plan-import/source-file";

/** Plan import: a document in, a reviewed plan out. Callers escape anything taken from the document. */
export const importTexts = {
  askFile:
    "📄 <b>Nhập kế hoạch</b>\nGửi tệp kế hoạch vào đây: <b>.docx</b> (Word) hoặc .txt, .md tối đa 2 MB; <b>.pdf</b> có chữ (bản ký số) tối đa 10 MB.\n" +
    "Bot đọc nhiệm vụ, đơn vị, thời hạn và cho đồng chí xem lại; <b>chưa lưu gì</b> trước khi đồng chí xác nhận.\n" +
    "Không có tệp? Chọn <b>Gõ danh sách nhiệm vụ</b>. Gõ /huy để thôi.",
  /** Zalo hands no files to bots: the plan is typed here, or its file uploaded on the web. */
  askFileZalo: (loginLink: string | null, minutes: number) =>
    "📄 <b>Nhập kế hoạch</b>\nZalo chưa cho bot nhận tệp, nên trên Zalo có hai cách:\n" +
    "• Chọn <b>Gõ danh sách nhiệm vụ</b> rồi gõ hoặc dán các nhiệm vụ;\n" +
    (loginLink
      ? `• Tải tệp (.docx, .pdf, .txt) lên trang quản trị: mở đường dẫn sau (dùng một lần, ${minutes} phút), rồi chọn Nhập kế hoạch:\n${loginLink}\n`
      : "• Tải tệp (.docx, .pdf, .txt) lên trang quản trị: gõ /web để lấy đường dẫn, rồi chọn Nhập kế hoạch.\n") +
    "Bot cho đồng chí xem lại trước; <b>chưa lưu gì</b> khi đồng chí chưa xác nhận. Gõ /huy để thôi.",
  /** Under the /nhapkh prompt, when a plan above gives the admin's unit tasks. */
  handDownHint:
    "📋 Cấp trên đã giao nhiệm vụ cho đơn vị: chọn <b>Bắt đầu từ nhiệm vụ được giao</b> để lập kế hoạch thực hiện từ các nhiệm vụ đó, không phải gõ lại.",
  handDown: {
    choose:
      "📋 <b>Bắt đầu từ nhiệm vụ được giao</b>\nChọn kế hoạch cấp trên; các nhiệm vụ kế hoạch đó giao cho đơn vị sẽ thành nhiệm vụ của kế hoạch thực hiện của đơn vị:",
    line: (plan: string, unit: string, tasks: number) => `• ${plan} — giao ${unit} ${tasks} nhiệm vụ`,
    footer: "Đồng chí sửa, thêm, bỏ nhiệm vụ trước khi lưu; lưu xong, kế hoạch được liên kết với kế hoạch cấp trên.",
    started: (tasks: number) =>
      `✓ Đã lấy ${tasks} nhiệm vụ được giao làm nhiệm vụ của kế hoạch (chưa lưu). Đồng chí sửa tên, hạn, bỏ hoặc thêm nhiệm vụ nếu cần.`,
    none: "Chưa có kế hoạch cấp trên nào giao nhiệm vụ cho đơn vị của đồng chí. Gửi tệp kế hoạch, hoặc chọn Gõ danh sách nhiệm vụ.",
    refused:
      "Không lập được: kế hoạch cấp trên này không giao nhiệm vụ cho đơn vị của đồng chí, hoặc đồng chí không nhập kế hoạch cho đơn vị đó. Chưa có gì được lưu. Gõ /nhapkh để chọn lại.",
    duplicate: (parent: string) =>
      `Đơn vị đã có kế hoạch thực hiện ${parent}; không lập thêm. ` +
      "Gõ /kehoach để chọn kế hoạch đó; sửa, thêm nhiệm vụ trên trang quản trị (gõ /web).",
    already:
      "Đồng chí đang xem lại kế hoạch lập từ nhiệm vụ được giao: chọn trong tin nhắn tóm tắt để sửa rồi Xác nhận lưu, hoặc gõ /huy để thôi.",
  },
  askPlanTitle: (tasks: number) =>
    `Đã đọc ${tasks} nhiệm vụ. Gõ <b>tên kế hoạch</b> (ví dụ: Kế hoạch thực hiện chương trình công tác năm 2026):`,
  planTitleEmpty: "Tên kế hoạch không được để trống. Gõ tên kế hoạch:",
  /** After saving: which plan /tongquan, /quahan… now use. */
  selectionKept: (current: string) =>
    `Các lệnh /tongquan, /quahan, /duyet… vẫn dùng kế hoạch đang chọn: <b>${current}</b>. Gõ /kehoach để chuyển sang kế hoạch vừa lưu.`,
  waitingForFile:
    "Đang chờ tệp kế hoạch (.docx, .pdf, .txt hoặc .md). Gửi tệp vào đây, chọn Gõ danh sách nhiệm vụ, hoặc gõ /huy để thôi.",
  adminOnly: "Chỉ người quản trị mới nhập được kế hoạch. Để gửi minh chứng cho một nhiệm vụ, gõ /viec rồi mở nhiệm vụ đó.",

  rejected: {
    empty: "Tệp trống, không có nội dung. Hãy gửi tệp kế hoạch có nội dung (.docx hoặc .txt).",
    too_large: "Tệp lớn hơn 2 MB. Một kế hoạch thường chỉ vài trăm KB: hãy gửi bản .docx không kèm ảnh, hoặc lưu thành .txt.",
    pdf_too_large:
      "Tệp PDF lớn hơn 10 MB. Hãy gửi bản Word (.docx) của kế hoạch, hoặc bản PDF chỉ gồm phần kế hoạch (không kèm ảnh scan).",
    pdf_scanned:
      "Tệp PDF này là bản scan (ảnh chụp trang), không có lớp chữ để đọc. Hãy gửi bản Word (.docx) hoặc bản PDF ký số gốc từ hệ thống văn bản; nếu không có, chọn <b>Gõ danh sách nhiệm vụ</b> để gõ các nhiệm vụ.",
    pdf_encrypted:
      "Tệp PDF có mật khẩu hoặc bị khoá nên không đọc được. Hãy gửi bản Word (.docx), hoặc bản PDF không đặt mật khẩu.",
    pdf_broken:
      "Tệp PDF bị hỏng hoặc không đầy đủ nên không mở được. Hãy tải lại tệp từ hệ thống văn bản rồi gửi lại, hoặc gửi bản Word (.docx).",
    pdf_too_complex:
      "Tệp PDF quá lớn hoặc có cấu trúc bất thường (quá nhiều trang hay dữ liệu nén quá lớn) nên bot không đọc. Chưa có gì được lưu. Hãy gửi bản Word (.docx) của kế hoạch, hoặc gõ danh sách nhiệm vụ.",
    pdf_unreadable_font:
      "Tệp PDF dùng phông chữ không kèm bảng mã nên chữ đọc ra bị sai. Hãy gửi bản Word (.docx) của kế hoạch; nếu không có, chọn <b>Gõ danh sách nhiệm vụ</b> để gõ các nhiệm vụ.",
    image: "Ảnh chụp hay bản scan không đọc được chữ. Hãy gửi bản Word (.docx) của kế hoạch, hoặc bản .txt.",
    legacy_word:
      "Tệp Word cũ (.doc) hoặc tệp có mật khẩu chưa đọc được. Hãy mở bằng Word, chọn <b>Lưu thành</b> (Save As) định dạng .docx, không đặt mật khẩu, rồi gửi lại.",
    not_word:
      "Tệp này không phải văn bản Word (có thể là Excel, PowerPoint hoặc tệp nén). Hãy gửi kế hoạch dạng .docx hoặc .txt.",
    broken_docx:
      "Tệp .docx bị hỏng hoặc không đầy đủ nên không mở được. Hãy mở bằng Word, lưu lại rồi gửi lại, hoặc gửi bản .txt.",
    encrypted: "Tệp .docx có mật khẩu. Hãy bỏ mật khẩu trong Word rồi gửi lại.",
    docx_too_large: "Nội dung tệp .docx quá lớn để đọc. Hãy gửi riêng phần kế hoạch (bỏ ảnh, phụ lục không cần), hoặc bản .txt.",
    binary:
      "Tệp không đọc được như văn bản (tệp nhị phân, hoặc chữ theo bảng mã cũ TCVN3/VNI). Hãy gửi bản .docx, hoặc lưu thành .txt mã Unicode (UTF-8).",
    unsupported:
      "Bot chỉ đọc kế hoạch dạng .docx (Word), .pdf có chữ, .txt hoặc .md. Hãy lưu kế hoạch thành một trong các dạng này rồi gửi lại.",
  } satisfies Record<PlanFileRejection, string>,
  downloadFailed: "Không tải được tệp từ Telegram. Đồng chí gửi lại tệp giúp.",
  noTasks:
    "Đã đọc tệp nhưng <b>chưa nhận ra nhiệm vụ nào</b>. Đồng chí có thể gõ hoặc dán danh sách nhiệm vụ ngay tại đây; " +
    "bot giữ số, ngày và nơi ban hành đã đọc được. Nếu gửi nhầm tệp, gõ /huy rồi gửi tệp khác. Chưa có gì được lưu.",
  tasksFormat:
    "Mỗi dòng một nhiệm vụ:\n<code>Tên nhiệm vụ | đơn vị chủ trì | đơn vị phối hợp | thời hạn</code>\n" +
    "Chỉ cần tên; các phần sau có thể bỏ trống. Ví dụ:\n" +
    "<code>Rà soát quy chế làm việc | Văn phòng | Sở Nội vụ, Sở Tư pháp | quý II/2026</code>\n<code>Tập huấn cán bộ làm công tác văn thư</code>\n" +
    "Có thể dán nguyên danh sách có đánh số (1., a), -).",
  askTasks: (first: boolean) =>
    first
      ? "📝 <b>Gõ danh sách nhiệm vụ</b>\nGõ hoặc dán các nhiệm vụ của kế hoạch, rồi gửi."
      : "➕ <b>Thêm nhiệm vụ</b>\nGõ các nhiệm vụ bot chưa đọc được, rồi gửi.",
  tasksNotRead: {
    empty: "Chưa thấy nhiệm vụ nào trong tin nhắn. Gõ mỗi dòng một nhiệm vụ, hoặc chọn Quay lại.",
    too_many: "Mỗi lần gõ tối đa 100 nhiệm vụ. Chia danh sách thành nhiều lần gửi.",
    title_too_long: (line: number) => `Dòng ${line} quá dài (quá 2.000 ký tự). Rút gọn tên nhiệm vụ rồi gửi lại.`,
  },
  tasksAdded: (n: number) => `✓ Đã thêm ${n} nhiệm vụ (chưa lưu).`,
  nothingToSave: "Kế hoạch chưa có nhiệm vụ nào để lưu. Chọn Thêm nhiệm vụ, hoặc gõ /huy để thôi.",
  askRename: (ref: string, current: string) => `✏️ <b>Sửa tên nhiệm vụ ${ref}</b>\nHiện tại: ${current}\n\nGõ tên mới.`,
  renamed: (ref: string) => `✓ Đã sửa tên nhiệm vụ ${ref}.`,
  askSplit: (ref: string, current: string) =>
    `✂️ <b>Tách nhiệm vụ ${ref}</b>\n${current}\n\nGõ tên từng nhiệm vụ, mỗi dòng một nhiệm vụ (ít nhất 2). ` +
    "Đơn vị và thời hạn được giữ cho mỗi nhiệm vụ; sửa riêng sau nếu cần.",
  splitTooFew: "Cần ít nhất 2 dòng, mỗi dòng một nhiệm vụ. Gõ lại, hoặc chọn Quay lại.",
  splitDone: (ref: string, n: number) => `✓ Đã tách nhiệm vụ ${ref} thành ${n} nhiệm vụ.`,
  titleEmpty: "Tên nhiệm vụ trống. Gõ lại, hoặc chọn Quay lại.",
  duplicate: (plan: string, date: string) =>
    `Kế hoạch này <b>đã được nhập</b> ngày ${date}:\n${plan}\n\nMỗi văn bản chỉ nhập một lần. Nếu đây là bản sửa đổi, hãy gửi đúng tệp bản mới.`,

  summaryTitle: "📋 <b>Xem lại kế hoạch trước khi lưu</b>",
  summaryNumber: (number: string, date: string | null) => `Số ${number}${date ? ` · ngày ${date}` : ""}`,
  summaryIssuer: (unit: string) => `Ban hành: ${unit}`,
  summaryMonitor: (unit: string, self: boolean) =>
    `Theo dõi: ${unit}${self ? "" : " ⚠️ (đồng chí sẽ không quản lý kế hoạch này)"}`,
  summaryTasks: (n: number, dropped: number) => `• <b>${n}</b> nhiệm vụ${dropped > 0 ? ` (đã bỏ ${dropped})` : ""}`,
  summaryUnits: (existing: number, fresh: number, skipped: number) =>
    `• <b>${existing + fresh}</b> đơn vị: ${existing} đã có, ${fresh} mới${skipped > 0 ? ` · ${skipped} không giao` : ""}`,
  summaryTargets: (n: number) => `• <b>${n}</b> chỉ tiêu`,
  summaryNoDeadline: (n: number) => `• <b>${n}</b> nhiệm vụ chưa có thời hạn`,
  summaryNoLead: (n: number) => `• <b>${n}</b> nhiệm vụ chưa có đơn vị chủ trì`,
  summaryFlagged: (n: number) => `• ⚠️ <b>${n}</b> nhiệm vụ cần xem lại (đánh dấu ⚠️ khi xem từng nhiệm vụ)`,
  summaryNewUnits: "🆕 <b>Đơn vị mới</b> (sẽ được tạo):",
  summaryGroupNote: "👥 nhóm: giao cho cả nhóm vì chưa biết các đơn vị thành viên",
  summaryWarnings: "⚠️ <b>Cần xem lại</b>:",
  summaryOutside: (issuer: string) =>
    `⛔ <b>Không thuộc ${issuer}</b>: kế hoạch chỉ giao việc cho ${issuer} và các đơn vị trực thuộc. Các đơn vị sau sẽ không được giao:`,
  summaryRefused: (n: number) =>
    `⛔ <b>${n}</b> nhiệm vụ sẽ <b>không được lưu</b> vì đơn vị chủ trì không thuộc đơn vị ban hành:`,
  issuerRefused:
    "Đồng chí chỉ nhập kế hoạch cho đơn vị của mình, hoặc cho đơn vị đã giao đơn vị mình theo dõi. Chọn lại nơi ban hành (Đổi nơi ban hành) rồi xác nhận.",
  monitorRefused:
    "Đơn vị theo dõi phải là đơn vị ban hành hoặc cơ quan mà đơn vị ban hành đã giao theo dõi. Chọn lại (Đổi nơi theo dõi) rồi xác nhận.",
  savedRefused: (n: number, refs: string) =>
    `⛔ ${n} nhiệm vụ không được lưu (đơn vị chủ trì không thuộc đơn vị ban hành): ${refs}`,
  savedLeftOut: (names: string) => `⛔ Không giao cho (không thuộc đơn vị ban hành): ${names}`,
  more: (n: number) => `  … và ${n} mục khác`,
  summaryFooter: "Chưa có gì được lưu. Xem từng nhiệm vụ để sửa, rồi chọn <b>Xác nhận</b>.",

  taskHeader: (n: number, total: number, ref: string) => `<b>Nhiệm vụ ${n}/${total}</b> · ${ref}`,
  taskFlags: (reasons: string) => `⚠️ <b>Cần xem lại</b>: ${reasons}`,
  flag: {
    no_lead: "chưa có đơn vị chủ trì",
    lead_unknown: "đơn vị chủ trì chưa khớp đơn vị nào trong hệ thống",
    deadline_unread: "chưa hiểu thời hạn",
    title_short: "tên rất ngắn, có thể chỉ là đề mục",
    title_long: "tên rất dài, có thể gộp nhiều nhiệm vụ",
  },
  taskDropped: "🗑 <i>Đã bỏ: nhiệm vụ này sẽ không được lưu.</i>",
  taskLead: (units: string) => `Chủ trì: ${units}`,
  taskCoop: (units: string) => `Phối hợp: ${units}`,
  taskNoLead: "Chủ trì: ⚠️ chưa có",
  taskDeadline: (written: string, meaning: string) => `Hạn: «${written}» → ${meaning}`,
  taskDeadlineEdited: (written: string, meaning: string, original: string | null) =>
    `Hạn: «${written}» → ${meaning}\n<i>(đã sửa; văn bản ghi: ${original ? `«${original}»` : "không ghi"})</i>`,
  taskNoDeadline: "Hạn: ⚠️ văn bản không ghi thời hạn",
  unitMark: {
    existing: "✓",
    renamed: (name: string) => `✓ → ${name}`,
    group: (n: number) => `👥 ${n} đơn vị`,
    emptyGroup: "👥 nhóm chưa có thành viên",
    fresh: "🆕",
    freshGroup: "🆕👥",
    skip: "⊘ không giao",
  },

  deadline: {
    due: (date: string) => `hạn ${date}`,
    endOf: (what: string, date: string) => `hạn ${date} (cuối ${what})`,
    range: (from: string, to: string) => `từ ${from} đến ${to}`,
    from: (date: string) => `từ ${date}`,
    cadenceUnwritten: "không ghi kỳ, theo dõi như việc thường xuyên",
    recurrence: {
      ongoing: "thường xuyên",
      monthly: "hằng tháng",
      quarterly: "hằng quý",
      semiannual: "6 tháng một lần",
      yearly: "hằng năm",
    },
    dayOfMonth: (day: number) => `trước ngày ${day}`,
    afterwards: (cadence: string) => `sau đó ${cadence}`,
    event: (note: string) => `khi: ${note}`,
    perPlan: "theo kế hoạch của đơn vị",
    none: "⚠️ chưa hiểu, coi như không có hạn",
  },
  periodWord: { month: "tháng", quarter: "quý", year: "năm" } as Record<string, string>,

  askDeadline: (ref: string, current: string) =>
    `📅 <b>Đổi hạn nhiệm vụ ${ref}</b>\nHiện tại: ${current}\n\n` +
    "Gõ thời hạn mới, ví dụ: <code>30/6/2025</code>, <code>quý III/2025</code>, <code>tháng 12/2025</code>, <code>thường xuyên</code>, <code>trước ngày 20 hằng tháng</code>.",
  deadlineNotUnderstood: (text: string) =>
    `Chưa hiểu thời hạn «${text}»; chưa đổi gì. Gõ lại, ví dụ <code>30/6/2025</code> hoặc <code>quý IV/2025</code>, hoặc chọn Quay lại.`,
  deadlineChanged: (ref: string, meaning: string) => `✓ Đã đổi hạn nhiệm vụ ${ref}: ${meaning}.`,

  chooseName: (ref: string) => `🏢 <b>Đổi đơn vị · nhiệm vụ ${ref}</b>\nChọn tên đơn vị cần đổi:`,
  newUnitsList: (page: number, pages: number) =>
    `🆕 <b>Đơn vị mới</b>${pages > 1 ? ` (trang ${page}/${pages})` : ""}\nCác tên này chưa khớp đơn vị nào trong hệ thống. Chọn một tên để ghép với đơn vị đã có, hoặc để nguyên (sẽ tạo mới):`,
  noNewUnits: "Mọi đơn vị trong kế hoạch đều đã có trong hệ thống.",
  pickUnit: (name: string, tasks: number, current: string, page: number, pages: number) =>
    `🏢 <b>«${name}»</b> (${tasks} nhiệm vụ)\nHiện: ${current}\n\n` +
    `Chọn đơn vị tương ứng${pages > 1 ? ` (trang ${page}/${pages})` : ""}. Áp dụng cho mọi nhiệm vụ có tên này.`,
  currentChoice: {
    existing: (name: string) => `✓ ${name}`,
    fresh: "🆕 tạo đơn vị mới",
    freshGroup: "🆕👥 tạo nhóm mới (giao cho cả nhóm)",
    skip: "⊘ không giao cho đơn vị nào",
  },
  unitChanged: (name: string, to: string) => `✓ «${name}» → ${to}`,
  pickIssuer: (page: number, pages: number) =>
    `✍️ <b>Đơn vị ban hành kế hoạch</b>${pages > 1 ? ` (trang ${page}/${pages})` : ""}:`,
  pickMonitor: (page: number, pages: number) =>
    `👁 <b>Đơn vị theo dõi kế hoạch</b>${pages > 1 ? ` (trang ${page}/${pages})` : ""}\nNgười quản trị của đơn vị này quản lý kế hoạch:`,

  reviewHint: "Đang xem lại kế hoạch: dùng các nút trong tin nhắn tóm tắt, hoặc gõ /huy để hủy.",
  stale: "Phiên nhập kế hoạch này đã kết thúc hoặc đã cũ. Gửi lại tệp để nhập lại.",
  cancelled: "Đã hủy nhập kế hoạch. Không có gì được lưu.",

  saved: (title: string, counts: { tasks: number; assignments: number; newUnits: number; targets: number }) =>
    `✅ <b>Đã lưu kế hoạch</b>\n${title}\n\n` +
    `• ${counts.tasks} nhiệm vụ, giao ${counts.assignments} lượt cho các đơn vị\n` +
    `• ${counts.targets} chỉ tiêu\n` +
    `• ${counts.newUnits} đơn vị mới được tạo`,
  savedGroups: (names: string) => `👥 Giao cho cả nhóm (chưa biết đơn vị thành viên): ${names}`,
  nextSteps: (unitsWithoutPeople: number) =>
    "\n<b>Tiếp theo</b>\n• Cán bộ các đơn vị gõ /viec để xem nhiệm vụ của đơn vị mình." +
    (unitsWithoutPeople > 0
      ? `\n• ${unitsWithoutPeople} đơn vị được giao việc chưa có ai tham gia: gõ /moi để tạo đường dẫn mời.`
      : ""),
  alreadySaved: "Kế hoạch này đã được lưu rồi.",

  buttons: {
    tasks: "📑 Xem từng nhiệm vụ",
    newUnits: (n: number) => `🆕 Đơn vị mới (${n})`,
    issuer: "✍️ Đổi nơi ban hành",
    monitor: "👁 Đổi nơi theo dõi",
    confirm: "✅ Xác nhận lưu",
    cancel: "✖ Hủy",
    changeUnit: "🏢 Đổi đơn vị",
    changeDeadline: "📅 Đổi hạn",
    drop: "🗑 Bỏ nhiệm vụ",
    addTasks: "➕ Thêm nhiệm vụ",
    typeTasks: "📝 Gõ danh sách nhiệm vụ",
    handDown: "📋 Bắt đầu từ nhiệm vụ được giao",
    rename: "✏️ Sửa tên",
    split: "✂️ Tách",
    restore: "↩ Giữ lại",
    summary: "« Tóm tắt",
    back: "« Quay lại",
    previous: "◀",
    next: "▶",
    previousPage: "◀ Trước",
    nextPage: "Sau ▶",
    keepNew: "🆕 Tạo mới",
    skip: "⊘ Không giao",
  },
} as const;
