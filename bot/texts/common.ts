import type { AssignmentStatus } from "../../core/status/derive";
import type { Role } from "../../db/schema";

export const roleLabel: Record<Role, string> = {
  admin: "quản trị",
  leader: "lãnh đạo đơn vị",
  member: "cán bộ",
  viewer: "theo dõi",
};

export const statusLabel: Record<AssignmentStatus, string> = {
  overdue: "🔴 Quá hạn",
  due_soon: "🟠 Sắp đến hạn",
  awaiting_confirmation: "🔵 Chờ xác nhận",
  in_progress: "🟡 Đang thực hiện",
  not_due: "⚪ Chưa đến hạn",
  checkin_missed: "🔴 Thiếu báo cáo kỳ trước",
  checkin_due: "🔁 Thường xuyên · chưa báo cáo kỳ này",
  checkin_done: "🔁 Thường xuyên · đã báo cáo kỳ này",
  no_deadline: "⚫ Chưa có hạn",
  done_late: "✅ Hoàn thành quá hạn",
  done_on_time: "✅ Hoàn thành đúng hạn",
};

export const texts = {
  notMember:
    "Đồng chí chưa tham gia hệ thống theo dõi kế hoạch.\n" +
    "Hãy xin <b>lời mời</b> từ người quản trị (Ban Tổ chức) rồi mở đường dẫn trong lời mời để tham gia.",
  notMemberZalo:
    "Đồng chí chưa tham gia hệ thống theo dõi kế hoạch.\n" +
    "Hãy xin <b>mã mời</b> từ người quản trị (Ban Tổ chức), rồi gõ tại đây: <code>/start MÃ-MỜI</code> (chữ hoa hay chữ thường đều được).\n" +
    "Nếu đã dùng bot trên Telegram: gõ /lienket ở Telegram để lấy mã liên kết, rồi gõ <code>/lienket MÃ</code> tại đây.",
  welcomeBack: (name: string, unit: string) =>
    `Chào đồng chí <b>${name}</b> (${unit}).\nGõ /viec để xem nhiệm vụ của đơn vị, /trogiup để xem các lệnh.`,
  joined: (name: string, unit: string, role: string) =>
    `Chào mừng đồng chí <b>${name}</b>!\nĐồng chí đã tham gia <b>${unit}</b> với vai trò <b>${role}</b>.\n` +
    "Gõ /viec để xem nhiệm vụ của đơn vị.",
  handlerFailed:
    "Xin lỗi, bot gặp lỗi khi xử lý yêu cầu này và chưa lưu gì. Đồng chí thử lại sau ít phút; nếu vẫn lỗi, báo cho Ban Tổ chức.",
  handlerFailedAfterSaving:
    "Xin lỗi, bot gặp lỗi khi trả lời, nhưng những gì đồng chí vừa gửi <b>đã được lưu</b>. Đồng chí không cần gửi lại; gõ /viec để xem nhiệm vụ và báo cáo mới nhất.",
  privateChatOnly:
    "Bot chỉ làm việc trong tin nhắn riêng, để nhiệm vụ của đơn vị không hiện trong nhóm. Hãy mở chat riêng với bot và gõ lại lệnh.",
  joinInPrivate: "Hãy dùng mã mời trong tin nhắn riêng với bot, không trong nhóm: nhắc việc sẽ gửi về đúng nơi đồng chí dùng mã.",
  inviteMalformed: "Mã mời không hợp lệ. Hãy bấm lại đúng đường dẫn mời, hoặc xin đường dẫn mới từ người quản trị.",
  inviteUnknown: "Không tìm thấy mã mời này. Hãy xin đường dẫn mời mới từ người quản trị.",
  inviteExpired: (date: string) => `Mã mời đã hết hạn từ ${date}. Hãy xin đường dẫn mời mới từ người quản trị.`,
  inviteCreatorGone:
    "Đường dẫn mời này không còn hiệu lực: người tạo không còn quyền mời vào đơn vị này. Hãy xin đường dẫn mới từ người quản trị đơn vị.",
  inviteUsedUp: "Mã mời đã được sử dụng. Mỗi mã chỉ dùng được một lần; hãy xin đường dẫn mời mới từ người quản trị.",
  alreadyMember: (unit: string) =>
    `Đồng chí đã là thành viên của <b>${unit}</b>, không cần dùng mã mời nữa.\nGõ /viec để xem nhiệm vụ.`,

  adminOnly: "Chỉ người quản trị mới dùng được lệnh này.",
  inviteChooseUnit: (page: number, pages: number) =>
    `<b>Tạo đường dẫn mời</b>\nChọn đơn vị của người được mời${pages > 1 ? ` (trang ${page}/${pages})` : ""}:`,
  inviteChooseRole: (unit: string) => `Mời vào <b>${unit}</b>.\nChọn vai trò:`,
  inviteChooseUses: (unit: string, role: string) =>
    `Mời vào <b>${unit}</b>, vai trò <b>${role}</b>.\nĐường dẫn dùng cho một người hay nhiều người?`,
  inviteCreated: (
    unit: string,
    role: string,
    link: string,
    code: string,
    expires: string,
    multi: boolean,
    zaloBot: { name: string; url: string | null } | null,
  ) =>
    `Lời mời vào <b>${unit}</b> (vai trò ${role}):\n` +
    `• Trên Zalo: ${zaloBot ? `mở bot «${zaloBot.name}»${zaloBot.url ? ` (${zaloBot.url})` : ""} rồi nhắn` : "nhắn cho bot"} <code>/start ${code}</code>\n` +
    `• Trên Telegram: bấm ${link}\n\n` +
    `Hết hạn ngày ${expires}; ${multi ? "dùng được cho nhiều người" : "chỉ dùng cho một người"}.\n` +
    "Gửi lời mời này cho người được mời.",
  inviteNoUnits: "Chưa có đơn vị nào để mời. Hãy nhập kế hoạch trước.",
  inviteRemovedSince:
    "Đồng chí đã được đưa ra khỏi đơn vị sau khi đường dẫn mời này được tạo, nên không dùng lại được. Nếu cần tham gia lại, hãy xin đường dẫn mời mới từ người quản trị.",
  inviteListButton: "📋 Lời mời đang hiệu lực",
  inviteListHeader: (count: number, page: number, pages: number) =>
    `<b>Lời mời đang hiệu lực</b> (${count})${pages > 1 ? ` · trang ${page}/${pages}` : ""}`,
  inviteListEmpty: "<b>Lời mời đang hiệu lực</b>\nKhông còn đường dẫn mời nào dùng được.",
  inviteListLine: (n: number, unit: string, role: string, uses: string, expires: string, by: string | null) =>
    `${n}. <b>${unit}</b> — ${role} · ${uses} · hết hạn ${expires}${by ? ` · do ${by} tạo` : ""}`,
  inviteUses: (uses: number, max: number | null) =>
    max === null ? `đã dùng ${uses} lần, nhiều người` : `đã dùng ${uses}/${max}`,
  inviteListFooter: "Thu hồi: đường dẫn hết hiệu lực ngay, người đã tham gia vẫn giữ nguyên.",
  inviteRevokeButton: (n: number) => `🗑 Thu hồi ${n}`,
  inviteRevoked: "✔ Đã thu hồi đường dẫn mời.",
  inviteRevokeGone: "Lời mời này đã hết hiệu lực hoặc không do đồng chí quản lý.",

  tasksHeader: (unit: string, count: number) => `<b>Nhiệm vụ của ${unit}</b> (${count})`,
  tasksEmpty: (unit: string) => `${unit} chưa được giao nhiệm vụ nào trong các kế hoạch đang theo dõi.`,
  tasksFooter: "Chọn số để mở nhiệm vụ.",
  tasksPage: (page: number, pages: number) => `Trang ${page}/${pages}`,
  deadlineLine: (written: string) => `Hạn: ${written}`,
  overdueBy: (days: number) => `quá ${days} ngày`,
  dueIn: (days: number) => (days === 0 ? "hôm nay" : `còn ${days} ngày`),
  noDeadlineWritten: "không ghi thời hạn",

  cardTitle: (ref: string) => `<b>Nhiệm vụ ${ref}</b>`,
  cardPlan: (plan: string) => `Kế hoạch: ${plan}`,
  cardLead: (names: string) => `Chủ trì: ${names}`,
  cardCoop: (names: string) => `Phối hợp: ${names}`,
  cardStatus: (status: string, progress: number) => `Trạng thái: ${status}${progress > 0 ? ` · ${progress}%` : ""}`,
  cardNoReports: "Chưa có báo cáo nào.",
  cardReportsHeader: "<b>Báo cáo gần nhất</b>",
  backToList: "« Danh sách",
  cardButtons: {
    progress: "📝 Báo cáo tiến độ",
    done: "✅ Đã hoàn thành",
    extend: "⏳ Xin gia hạn",
    history: "🕘 Lịch sử",
    checkin: "🔁 Báo cáo kỳ này",
    fullText: "📄 Xem toàn văn",
    cadence: "⚙ Kỳ báo cáo",
  },
  cadenceLabel: { monthly: "Hằng tháng", quarterly: "Hằng quý", semiannual: "6 tháng", yearly: "Hằng năm" },
  cadenceAsk: (ref: string) => `Nhiệm vụ ${ref} thực hiện thường xuyên. Các đơn vị báo cáo bao lâu một lần?`,
  cadenceSet: (ref: string, label: string) => `Đã đặt kỳ báo cáo của nhiệm vụ ${ref}: ${label.toLowerCase()}.`,
  cardCheckin: (period: string, state: "done" | "due" | "missed", previous: string) =>
    state === "done"
      ? `Kỳ ${period}: đã báo cáo.`
      : state === "missed"
        ? `Kỳ ${period}: chưa báo cáo; còn thiếu báo cáo ${previous}.`
        : `Kỳ ${period}: chưa báo cáo.`,
  cardEvidence: (count: number) => ` · 📎 ${count}`,

  staleButton: "Nút này đã cũ. Gõ /viec để xem danh sách mới.",
  notYourTask: "Nhiệm vụ này không thuộc đơn vị của đồng chí.",
  unknownCommand: (command: string) => `Không có lệnh /${command}. Gõ /trogiup để xem các lệnh dùng được.`,
  freeText: "Tôi chưa hiểu tin nhắn này. Gõ /viec để xem nhiệm vụ, hoặc /trogiup để xem các lệnh.",
  unsupportedMessage: "Tôi chưa xử lý được loại tin nhắn này. Gõ /trogiup để xem các lệnh.",
  error: "Đã có lỗi khi xử lý yêu cầu. Đồng chí vui lòng thử lại sau ít phút.",

  helpHeader: (name: string, unit: string, role: string) => `<b>${name}</b> · ${unit} · ${role}\nCác lệnh đồng chí dùng được:`,
} as const;

/** Commands each role sees in /trogiup; the admin list adds to the member's. */
export const commandHelp = {
  member: [
    ["viec", "nhiệm vụ của đơn vị, việc gấp trước"],
    ["baocao", "báo cáo tiến độ một nhiệm vụ"],
    ["chitieu", "chỉ tiêu đơn vị phụ trách: ghi số liệu từng kỳ"],
    ["huy", "hủy việc đang làm dở"],
    ["tamdung", "tạm dừng nhắc việc đến một ngày (nghỉ phép, đi công tác)"],
    ["tieptuc", "bật lại nhắc việc"],
    ["lienket", "nhận nhắc việc ở cả Telegram và Zalo: lấy mã liên kết"],
    ["web", "mở trang quản trị (đường dẫn đăng nhập dùng một lần)"],
    ["trogiup", "danh sách lệnh này"],
  ],
  admin: [
    ["moi", "tạo đường dẫn mời người vào một đơn vị"],
    ["nhapkh", "nhập kế hoạch: gửi tệp (.docx, .pdf, .txt), gõ danh sách, hoặc bắt đầu từ nhiệm vụ cấp trên giao"],
    ["lienketkh", "liên kết kế hoạch của đơn vị với kế hoạch cấp trên mà nó thực hiện"],
    ["tamnghi", "ai đang tạm dừng hoặc không nhận được nhắc việc"],
    ["canbo", "cán bộ của một đơn vị: đổi vai trò, chuyển đơn vị, xóa"],
  ],
  /** The monitoring office's screens: admins and viewers of a plan (viewers read only). */
  monitor: [
    ["tongquan", "tổng quan kế hoạch: tình hình, đơn vị quá hạn, chỉ tiêu"],
    ["donvi", "một đơn vị (gõ tên, không cần dấu): nhiệm vụ và cán bộ"],
    ["quahan", "nhiệm vụ quá hạn, nhóm theo đơn vị"],
    ["khdonvi", "kế hoạch thực hiện của các đơn vị: đã ban hành, tiến độ; «/khdonvi chua»: đơn vị chưa ban hành"],
    ["nhiemvu", "một nhiệm vụ ở mọi đơn vị và toàn bộ lịch sử"],
    ["duyet", "báo cáo hoàn thành, đề nghị gia hạn chờ duyệt"],
    ["chitieu", "chỉ tiêu: số liệu mới nhất so với chỉ tiêu đề ra"],
    ["xuat", "xuất báo cáo Excel (thêm csv để lấy bản CSV)"],
    ["lapbaocao", "lập dự thảo báo cáo kết quả thực hiện (Word) theo kỳ"],
    ["phutrach", "đơn vị ủy viên phụ trách: tổng hợp, báo cáo; quản trị phân công"],
    ["kehoach", "chọn kế hoạch đang theo dõi"],
  ],
} as const;

/**
 * What /trogiup lists for a role: every member's commands (viewers only
 * read, so not /baocao), the monitoring office's for admins and viewers,
 * the admin's own last.
 */
export function commandsFor(role: Role): (readonly [string, string])[] {
  const office = role === "admin" || role === "viewer";
  // Viewers do not report; the office's /chitieu is the plan's, listed with its screens.
  const own = commandHelp.member.filter(([name]) => !(role === "viewer" && name === "baocao") && !(office && name === "chitieu"));
  const monitor = office ? commandHelp.monitor : [];
  return [...own, ...monitor, ...(role === "admin" ? commandHelp.admin : [])];
}
