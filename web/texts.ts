/** Every text the web back office shows, in Vietnamese, kept together for review. */
export const webTexts = {
  appName: "Theo dõi thực hiện kế hoạch",
  nav: {
    overview: "Tổng quan",
    approvals: "Chờ duyệt",
    people: "Cán bộ",
    import: "Nhập kế hoạch",
    export: "Xuất báo cáo",
    myUnit: "Việc của đơn vị",
    logout: "Đăng xuất",
  },
  login: {
    chatReply: (link: string, minutes: number) =>
      `Đường dẫn đăng nhập trang quản lý (dùng một lần, hết hạn sau ${minutes} phút):\n${link}\n\nĐừng chuyển đường dẫn này cho người khác.`,
    expired: "Đường dẫn đăng nhập đã hết hạn. Hãy gõ /web trong chat với bot để nhận đường dẫn mới.",
    used: "Đường dẫn đăng nhập này đã được dùng. Mỗi đường dẫn chỉ dùng một lần: hãy gõ /web trong chat với bot để nhận đường dẫn mới.",
    invalid: "Đường dẫn đăng nhập không hợp lệ. Hãy gõ /web trong chat với bot để nhận đường dẫn mới.",
    needed: "Phiên làm việc đã hết hoặc đồng chí chưa đăng nhập. Hãy gõ /web trong chat với bot để nhận đường dẫn đăng nhập.",
    loggedOut: "Đã đăng xuất. Gõ /web trong chat với bot khi cần đăng nhập lại.",
    title: "Đăng nhập",
  },
  errors: {
    title: "Không thực hiện được",
    csrf: "Biểu mẫu đã cũ hoặc không được gửi từ trang này. Hãy tải lại trang rồi làm lại.",
    forbidden: "Đồng chí không có quyền xem hoặc làm việc này.",
    unitForbidden: "Đồng chí không xem được trang của đơn vị này. Trở về trang của đơn vị mình để xem nhiệm vụ.",
    manageOnly: "Chỉ quản trị viên theo dõi kế hoạch này mới làm được việc này.",
    notFound: "Không tìm thấy trang này. Hãy quay lại trang tổng quan.",
    noPlan: "Đồng chí chưa theo dõi kế hoạch nào đang thực hiện.",
    server: "Có lỗi ở máy chủ, chưa lưu gì. Hãy thử lại sau ít phút.",
    back: "Về trang chính",
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
