/** 2001 → "2.001" (Vietnamese groups thousands with a dot; the Workers runtime may lack the vi locale). */
export const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** Every text the web back office shows, in Vietnamese, kept together for review. */
export const webTexts = {
  appName: "Theo dõi thực hiện kế hoạch",
  nav: {
    overview: "Tổng quan",
    approvals: "Chờ duyệt",
    people: "Cán bộ",
    import: "Nhập kế hoạch",
    export: "Xuất báo cáo",
    report: "Lập báo cáo",
    myUnit: "Việc của đơn vị",
    logout: "Đăng xuất",
    plan: "Kế hoạch",
    open: "Xem",
  },
  login: {
    expired: "Đường dẫn đăng nhập đã hết hạn. Hãy gõ /web trong chat với bot để nhận đường dẫn mới.",
    used: "Đường dẫn đăng nhập này đã được dùng. Mỗi đường dẫn chỉ dùng một lần: hãy gõ /web trong chat với bot để nhận đường dẫn mới.",
    invalid: "Đường dẫn đăng nhập không hợp lệ. Hãy gõ /web trong chat với bot để nhận đường dẫn mới.",
    needed: "Phiên làm việc đã hết hoặc đồng chí chưa đăng nhập. Hãy gõ /web trong chat với bot để nhận đường dẫn đăng nhập.",
    loggedOut: "Đã đăng xuất. Gõ /web trong chat với bot khi cần đăng nhập lại.",
    title: "Đăng nhập",
    confirm: "Bấm nút dưới đây để đăng nhập trang quản lý. Đường dẫn chỉ dùng được một lần.",
    button: "Đăng nhập",
  },
  errors: {
    title: "Không thực hiện được",
    csrf: "Biểu mẫu đã cũ hoặc không được gửi từ trang này. Hãy tải lại trang rồi làm lại.",
    forbidden: "Đồng chí không có quyền xem hoặc làm việc này.",
    unitForbidden: "Đồng chí không xem được trang của đơn vị này. Trở về trang của đơn vị mình để xem nhiệm vụ.",
    manageOnly: "Chỉ quản trị viên theo dõi kế hoạch này mới làm được việc này.",
    notFoundTitle: "Không có trang này",
    notFound: "Không tìm thấy trang này (có thể đường dẫn bị gõ sai hoặc đã cũ). Hãy về trang chính để chọn lại.",
    badRequestTitle: "Yêu cầu không hợp lệ",
    badRequest:
      "Không đọc được yêu cầu này (đường dẫn hoặc biểu mẫu bị hỏng). Hãy quay lại trang trước, tải lại trang rồi làm lại.",
    noPlan: "Đồng chí chưa theo dõi kế hoạch nào đang thực hiện.",
    planNotFound: "Không có kế hoạch này. Hãy chọn kế hoạch trong danh sách ở đầu trang.",
    planForbidden: "Đồng chí không theo dõi kế hoạch này. Hãy chọn một kế hoạch trong danh sách ở đầu trang.",
    readOnlyPlan:
      "Kế hoạch này của đơn vị cấp dưới: cơ quan cấp trên chỉ xem, không sửa được. Đơn vị ban hành kế hoạch tự cập nhật kế hoạch của mình.",
    server: "Có lỗi ở máy chủ, chưa lưu gì. Hãy thử lại sau ít phút.",
    back: "Về trang chính",
  },
  wayIn: {
    unitPage: "Xem toàn bộ việc của đơn vị",
    howToLogin: "nếu trang hỏi đăng nhập, gõ /web trong chat với bot để nhận đường dẫn đăng nhập (dùng một lần).",
  },
  link: {
    expired: "Đường dẫn đã hết hạn. Hãy mở lại nhiệm vụ trong chat với bot để lấy đường dẫn mới.",
    invalid: "Đường dẫn không hợp lệ (có thể bị sửa hoặc chép thiếu). Hãy mở lại từ chat với bot.",
    memberGone: "Tài khoản của đồng chí không còn trong hệ thống. Hãy liên hệ Ban Tổ chức.",
    fileMissing: "Không tìm thấy tệp này, có thể đã bị xoá.",
  },
} as const;

export const bucketLabel = {
  overdue: "Quá hạn",
  due_soon: "Sắp đến hạn",
  awaiting_confirmation: "Chờ xác nhận",
  in_progress: "Đang thực hiện",
  not_due: "Chưa đến hạn",
  recurring: "Thường xuyên",
  no_deadline: "Chưa có hạn",
  done_late: "Hoàn thành quá hạn",
  done_on_time: "Hoàn thành đúng hạn",
} as const;

export const formTexts = {
  titles: {
    progress: "Báo cáo tiến độ",
    completion: "Báo cáo hoàn thành",
    extension: "Xin gia hạn",
    target: "Ghi số liệu chỉ tiêu",
  },
  percent: "Đã thực hiện được bao nhiêu phần trăm?",
  note: {
    progress: "Đã làm được những gì?",
    completion: "Kết quả thực hiện",
    extension: "Lý do xin gia hạn",
    target: "Ghi chú (nguồn số liệu), nếu có",
  },
  files: "Tài liệu, ảnh kèm theo (tối đa 5 tệp, mỗi tệp đến 20 MB: PDF, Word, Excel, ảnh)",
  proposedDate: "Đề xuất hạn mới (dd/mm/yyyy)",
  period: "Kỳ số liệu (ví dụ: 2025, quý III/2025, 6 tháng đầu năm 2026)",
  value: "Giá trị",
  submit: "Gửi",
  currentDue: (due: string) => `Hạn hiện tại: ${due}`,
  saved: {
    progress: (percent: number) => `Đã ghi nhận báo cáo tiến độ ${percent}%. Đồng chí có thể đóng trang này.`,
    completion: (monitor: string) =>
      `Đã gửi báo cáo hoàn thành. Nhiệm vụ chờ ${monitor} xác nhận; đồng chí sẽ được báo trong chat.`,
    extension: (monitor: string) => `Đã gửi đề nghị gia hạn tới ${monitor}. Đồng chí sẽ được báo trong chat khi có quyết định.`,
    target: (period: string, value: string) => `Đã ghi ${period}: ${value}.`,
  },
  errors: {
    percent: "Tỷ lệ phần trăm phải là số nguyên từ 0 đến 100.",
    noteEmpty: "Nội dung không được để trống. Hãy ghi vài dòng về việc đã làm.",
    noteTooLong: "Nội dung quá dài (tối đa 1000 ký tự). Hãy rút gọn rồi gửi lại.",
    too_large: (file: string) => `Tệp «${file}» lớn hơn 20 MB. Hãy nén hoặc chia nhỏ rồi gửi lại.`,
    unsupported_type: (file: string) => `Tệp «${file}» không đúng loại. Chỉ nhận PDF, Word, Excel, PowerPoint và ảnh.`,
    too_many: () => "Chỉ gửi được tối đa 5 tệp một lần.",
    content_mismatch: (file: string) =>
      `Nội dung tệp «${file}» không phải PDF, Word, Excel, PowerPoint hay ảnh như tên tệp cho biết (có thể tệp bị đổi tên hoặc hỏng). Hãy chọn đúng tệp rồi gửi lại.`,
    storage: () => "Chưa lưu được tệp (kho lưu trữ chưa sẵn sàng). Hãy thử lại sau.",
    duplicate: "Báo cáo này đã được gửi rồi (có thể do bấm Gửi hai lần).",
    target: {
      format: "Chưa đọc được kỳ và giá trị. Ví dụ: kỳ «quý III/2025», giá trị «48,5».",
      period: "Chưa đọc được kỳ. Ví dụ: 2025, quý III/2025, 6 tháng đầu năm 2026, tháng 7/2025.",
      value: "Giá trị phải là một số, ví dụ 62,5.",
      range: "Chỉ tiêu tính theo %: giá trị phải từ 0 đến 100.",
      tooLong: "Ghi chú quá dài (tối đa 500 ký tự).",
    },
    cannotRecord: "Đồng chí không có quyền ghi số liệu cho chỉ tiêu này.",
  },
} as const;

export const importWebTexts = {
  title: "Nhập kế hoạch",
  intro:
    "Gửi tệp kế hoạch (.docx, .txt hoặc .md, tối đa 2 MB; .pdf có chữ, tối đa 10 MB). Chưa lưu gì cho đến khi đồng chí xem lại và bấm «Lưu kế hoạch».",
  file: "Tệp kế hoạch",
  read: "Đọc kế hoạch",
  adminOnly: "Chỉ quản trị viên mới nhập được kế hoạch.",
  noFile: "Chưa chọn tệp. Hãy chọn tệp kế hoạch rồi bấm «Đọc kế hoạch».",
  noTasks: "Không tìm thấy nhiệm vụ nào trong tệp. Hãy kiểm tra đây đúng là kế hoạch có phần nhiệm vụ, giải pháp.",
  duplicate: (plan: string, date: string) => `Kế hoạch này đã được nhập ngày ${date}: ${plan}. Không nhập lại lần nữa.`,
  draftGone: "Bản xem lại này không còn (đã lưu hoặc đã bỏ). Hãy gửi lại tệp kế hoạch.",
  reviewTitle: "Xem lại trước khi lưu",
  reviewHelp:
    "Sửa trực tiếp: tên nhiệm vụ, đơn vị chủ trì và phối hợp (nhiều đơn vị cách nhau bằng dấu ;), thời hạn (như 30/6/2026, quý III/2026, thường xuyên); đánh dấu «Bỏ» để không lưu; thêm nhiệm vụ ở các ô trống cuối trang.",
  unitsHelp:
    "Mỗi tên đơn vị trong văn bản: khớp với đơn vị có sẵn, tạo đơn vị mới, hoặc không giao. Lựa chọn áp dụng cho mọi nhiệm vụ nêu tên đó.",
  noUnit: "chưa có đơn vị nào nhận nhiệm vụ",
  withoutUnits: (refs: string) =>
    `Nhiệm vụ ${refs} chưa có đơn vị nào nhận nên sẽ không được giao cho ai. Hãy ghi đơn vị chủ trì, chọn «Tạo đơn vị mới» cho đơn vị trong văn bản, hoặc đánh dấu «Bỏ». Chưa lưu gì.`,
  unitNotInList: (row: string, name: string) =>
    `${row}: «${name}» không có trong danh sách đơn vị. Hãy chọn tên trong danh sách gợi ý, hoặc chọn «Tạo đơn vị mới».`,
  warnings: (count: number) => `Lưu ý khi đọc tệp (${count}): đồng chí kiểm tra các mục này trước khi lưu`,
  asWritten: (names: string) => `Theo văn bản: ${names || "(không có)"}`,
  chooseUnit: "— chọn đơn vị —",
  save: "Lưu kế hoạch",
  openPlan: "Mở tổng quan kế hoạch vừa lưu",
  issuedBy: (issuer: string, monitor: string) =>
    `Ban hành: ${issuer} · Theo dõi: ${monitor}. Kế hoạch chỉ giao việc cho ${issuer} và các đơn vị trực thuộc.`,
  refusedTasks: (tasks: string) => `Không lưu các nhiệm vụ sau vì đơn vị chủ trì không thuộc đơn vị ban hành: ${tasks}.`,
  leftOutUnits: (units: string) => `Không giao cho các đơn vị sau vì không thuộc đơn vị ban hành: ${units}.`,
  issuerRefused: "Đồng chí chỉ nhập kế hoạch cho đơn vị của mình, hoặc cho đơn vị đã giao đơn vị mình theo dõi kế hoạch.",
  saved: (title: string, tasks: number, assignments: number, newUnits: number) =>
    `Đã lưu kế hoạch «${title}»: ${tasks} nhiệm vụ, ${assignments} lượt giao cho đơn vị${newUnits > 0 ? `, ${newUnits} đơn vị mới` : ""}. Gõ /moi trong chat để mời cán bộ các đơn vị chưa có người.`,
  parentHeading: "Kế hoạch cấp trên",
  parentProposed: (plan: string, issuer: string) => `Thực hiện: ${plan} của ${issuer}`,
  parentNone: "Chưa xác định kế hoạch cấp trên mà kế hoạch này thực hiện.",
  parentHelp:
    "Chọn kế hoạch cấp trên mà kế hoạch này thực hiện (trong các kế hoạch có giao việc cho đơn vị), hoặc «Không liên kết». Khi lưu, nhiệm vụ xây dựng kế hoạch được giao trong kế hoạch cấp trên được báo cáo hoàn thành, chờ cơ quan cấp trên xác nhận.",
  parentSelect: "Thực hiện kế hoạch",
  parentNoLink: "Không liên kết",
  parentNotInList: "Kế hoạch cấp trên đã chọn không còn trong danh sách. Hãy chọn lại.",
  parentRefused: {
    no_parent: "Kế hoạch cấp trên đã chọn không còn. Hãy chọn lại. Chưa lưu gì.",
    no_child: "Không tìm thấy kế hoạch để liên kết. Chưa lưu gì.",
    cycle: "Không liên kết được: kế hoạch cấp trên đã chọn lại thực hiện kế hoạch này. Chưa lưu gì.",
    no_assignments:
      "Kế hoạch cấp trên đã chọn không giao việc cho đơn vị ban hành. Hãy chọn kế hoạch khác hoặc «Không liên kết». Chưa lưu gì.",
    not_in_parent: "Nhiệm vụ liên kết không thuộc kế hoạch cấp trên. Hãy chọn lại. Chưa lưu gì.",
    not_child_unit:
      "Kế hoạch cấp trên đã chọn không giao việc cho đơn vị ban hành. Hãy chọn kế hoạch khác hoặc «Không liên kết». Chưa lưu gì.",
  },
  linked: (plan: string, reported: number) =>
    `Đã liên kết với ${plan}.${reported > 0 ? " Nhiệm vụ xây dựng kế hoạch được giao đã được báo cáo hoàn thành, chờ cơ quan cấp trên xác nhận." : ""}`,
  handDownHeading: "Bắt đầu từ nhiệm vụ được giao",
  handDownIntro:
    "Lập kế hoạch thực hiện của đơn vị từ các nhiệm vụ kế hoạch cấp trên đã giao: các nhiệm vụ hiện thành dòng để đồng chí sửa, thêm, bỏ trước khi lưu; kế hoạch lưu xong được liên kết với kế hoạch cấp trên.",
  handDownItem: (plan: string, issuer: string, unit: string, tasks: number) =>
    `${plan} của ${issuer} — giao ${unit} ${tasks} nhiệm vụ`,
  handDownStart: "Bắt đầu",
  handDownNone: "Chưa có kế hoạch cấp trên nào giao nhiệm vụ cho đơn vị của đồng chí.",
  handDownRefused:
    "Không lập được: kế hoạch cấp trên này không giao nhiệm vụ cho đơn vị đã chọn, hoặc đồng chí không nhập kế hoạch cho đơn vị đó.",
  handDownDuplicate: "Đơn vị đã có kế hoạch thực hiện kế hoạch cấp trên này. Mở kế hoạch đó để sửa, thêm nhiệm vụ.",
  errors: {
    title_empty: (row: string) => `Dòng ${row}: tên nhiệm vụ không được để trống (muốn bỏ thì đánh dấu «Bỏ»).`,
    title_too_long: (row: string) => `Dòng ${row}: tên nhiệm vụ quá dài.`,
    deadline_unreadable: (row: string) =>
      `Dòng ${row}: chưa hiểu thời hạn. Ví dụ: 30/6/2026, quý III/2026, năm 2026, thường xuyên.`,
    unit_unknown: (row: string) => `Dòng ${row}: đơn vị đã chọn không còn trong danh sách. Hãy chọn lại.`,
    unit_missing: (row: string) => `Dòng ${row}: nhiệm vụ thêm mới cần có đơn vị chủ trì.`,
    merge_target: (row: string) =>
      `Dòng ${row}: chỉ gộp được vào một nhiệm vụ đứng trước và không bị bỏ (ghi số hiệu của nhiệm vụ đó).`,
  },
} as const;

export const taskEditTexts = {
  titleEmpty: "Tên nhiệm vụ không được để trống.",
  titleTooLong: (length: number, max: number) =>
    `Tên nhiệm vụ dài ${thousands(length)} ký tự, quá giới hạn ${thousands(max)} ký tự. Hãy rút gọn rồi lưu lại.`,
  deadlineUnreadable: (typed: string) =>
    `Chưa hiểu thời hạn «${typed}». Hãy viết như: 30/6/2026, trước ngày 15/9/2026, quý III/2026, năm 2026, 6 tháng đầu năm 2026, thường xuyên; hoặc để trống nếu không có hạn.`,
  unchanged: "Không có gì thay đổi.",
  withdrawn: (ref: string) => `Đã rút nhiệm vụ ${ref} khỏi kế hoạch.`,
  hasHistory: "Nhiệm vụ đã có báo cáo hoặc đề nghị gia hạn nên không rút được; hãy sửa tên hoặc thời hạn thay vì rút.",
  added: (ref: string) => `Đã thêm nhiệm vụ ${ref}.`,
  unitMissing: "Hãy chọn đơn vị chủ trì cho nhiệm vụ mới.",
  /** What the units are told in chat (HTML). */
  toldEdited: (ref: string, title: string, deadline: string) =>
    `✏️ Cơ quan theo dõi đã sửa nhiệm vụ ${ref} của đơn vị:\n<b>${title}</b>\nHạn: ${deadline}\nMở nhiệm vụ để xem và báo cáo.`,
  toldAdded: (ref: string, title: string, deadline: string) =>
    `🆕 Đơn vị được giao thêm nhiệm vụ ${ref}:\n<b>${title}</b>\nHạn: ${deadline}\nMở nhiệm vụ để xem và báo cáo.`,
  toldWithdrawn: (ref: string, title: string) =>
    `Nhiệm vụ ${ref} «${title}» đã được rút khỏi kế hoạch. Đơn vị không cần báo cáo việc này nữa.`,
} as const;

/** Plans that carry out a plan (issue 22): the roll-up on the parent's pages, the child's read-only view. */
export const chainTexts = {
  heading: "Kế hoạch thực hiện của các đơn vị",
  unitHeading: "Kế hoạch thực hiện của đơn vị",
  help: "Đơn vị được giao xây dựng kế hoạch thực hiện, hoặc đã liên kết kế hoạch của mình với kế hoạch này.",
  issued: "Đã ban hành kế hoạch",
  notIssued: "Chưa ban hành",
  dated: (date: string) => `ngày ${date}`,
  imported: (date: string) => `nhập ngày ${date}`,
  progress: (done: number, total: number, onTime: number, overdue: number) =>
    `xong ${done}/${total} lượt giao, đúng hạn ${onTime}, quá hạn ${overdue}`,
  planningDue: (date: string) => `hạn ${date}`,
  overdue: "quá hạn",
  awaiting: "đã báo cáo, chờ xác nhận",
  none: "Đơn vị chưa liên kết kế hoạch thực hiện nào với kế hoạch này.",
  carriedOutBy: "Thực hiện bằng",
  parentHeading: "Kế hoạch cấp trên",
  implementsLabel: "Thực hiện:",
  of: "của",
  noParent: "Kế hoạch này chưa liên kết với kế hoạch cấp trên nào.",
  changeParent: "Liên kết với kế hoạch cấp trên",
  parentSelect: "Kế hoạch cấp trên",
  parentNoLink: "Không liên kết",
  parentSave: "Lưu liên kết",
  readOnly: "Kế hoạch của đơn vị cấp dưới: cơ quan cấp trên chỉ xem; đơn vị ban hành tự cập nhật kế hoạch của mình.",
} as const;
