import { EVIDENCE_MAX_FILES } from "../../core/reporting/evidence";
import { NOTE_MAX_LENGTH } from "../../core/reporting/input";

export type ReportKind = "progress" | "completion" | "checkin";

export const reportTexts = {
  start: {
    progress: (title: string, current: number) =>
      `📝 <b>Báo cáo tiến độ</b>\n${title}\n\nTiến độ hiện tại: ${current}%.\nChọn mức mới, hoặc gõ một số từ 0 đến 100:`,
    completion: (title: string) => `✅ <b>Báo cáo hoàn thành</b>\n${title}\n\nGõ ngắn gọn kết quả đã đạt được:`,
    checkin: (title: string, period: string) =>
      `🔁 <b>Báo cáo ${period}</b>\n${title}\n\nGõ ngắn gọn những việc đơn vị đã làm trong kỳ:`,
  },
  lowerThanBefore: (percent: number, previous: number) =>
    `Tiến độ ${percent}% thấp hơn lần báo cáo trước (${previous}%). Đồng chí xác nhận tiến độ giảm, hay gõ lại mức khác?`,
  lowerConfirm: (percent: number) => `✔ Đúng là ${percent}%`,
  askNote: (percent: number) => `Tiến độ mới: <b>${percent}%</b>.\nGõ ghi chú ngắn về việc đã làm:`,
  documentsOnWeb: (link: string) =>
    `\n\nZalo chỉ chuyển ảnh cho bot. Văn bản (PDF, Word, Excel): báo cáo trên trang này thay cho chat (hiệu lực 4 giờ):\n${link}`,
  askEvidence: `Gửi kèm tài liệu hoặc ảnh minh chứng nếu có (tối đa ${EVIDENCE_MAX_FILES} tệp), rồi chọn <b>Gửi báo cáo</b>.`,
  evidenceAdded: (name: string, count: number) =>
    `📎 Đã nhận ${name} (${count}/${EVIDENCE_MAX_FILES}). Gửi thêm, hoặc chọn <b>Gửi báo cáo</b>.`,
  percentNotNumber: "Tiến độ phải là một số nguyên từ 0 đến 100, ví dụ 60. Gõ lại hoặc chọn một nút.",
  percentOutOfRange: "Tiến độ chỉ từ 0 đến 100%. Gõ lại hoặc chọn một nút.",
  noteEmpty: "Nội dung không được để trống. Gõ vài dòng về việc đã làm.",
  noteTooLong: (length: number) =>
    `Nội dung dài ${length} ký tự, quá giới hạn ${NOTE_MAX_LENGTH}. Hãy rút gọn rồi gửi lại; chi tiết có thể gửi kèm dạng tệp.`,
  evidenceTooLarge: "Tệp lớn hơn 20 MB nên không lưu được. Hãy gửi bản nhỏ hơn (ví dụ PDF đã nén).",
  evidenceUnsupported: "Chỉ nhận tệp PDF, Word, Excel, PowerPoint hoặc ảnh. Tệp này chưa được lưu.",
  evidenceTooMany: `Đã đủ ${EVIDENCE_MAX_FILES} tệp. Chọn <b>Gửi báo cáo</b> để gửi.`,
  evidenceNotNow: "Hãy gửi tệp minh chứng sau khi đã gõ nội dung báo cáo.",
  saved: {
    progress: (percent: number, task: string) =>
      `Đã ghi nhận báo cáo tiến độ <b>${percent}%</b> cho nhiệm vụ ${task}. Cảm ơn đồng chí.`,
    completion: (monitor: string, task: string) =>
      `Đã gửi báo cáo hoàn thành nhiệm vụ ${task}. Nhiệm vụ đang <b>chờ ${monitor} xác nhận</b>; đồng chí sẽ được báo khi có kết quả.`,
    checkin: (period: string, task: string) => `Đã ghi nhận báo cáo ${period} cho nhiệm vụ ${task}. Cảm ơn đồng chí.`,
  },
  duplicate: "Báo cáo này đã được ghi nhận rồi.",
  /** A flow's button after the flow ended without a report (cancelled or expired). */
  flowGone: "Báo cáo này đã hủy hoặc hết hạn nên chưa được lưu. Mở lại nhiệm vụ (/viec) để báo cáo.",
  cancelled: "Đã hủy. Không có gì được lưu.",
  nothingToCancel: "Không có việc nào đang làm dở.",
  flowLeft: "Đã dừng việc đang làm dở trước đó (chưa lưu gì) để làm lệnh mới.",
  importStillWaiting: "Bản nháp nhập kế hoạch vẫn đang chờ: tiếp tục ở trên, hoặc gõ /huy để dừng.",
  cannotReport: "Đồng chí không có quyền báo cáo nhiệm vụ này.",
  alreadyDone: "Nhiệm vụ này đã hoàn thành, không cần báo cáo thêm.",
  awaitingConfirmation: "Nhiệm vụ đang chờ xác nhận hoàn thành; chưa thể báo cáo thêm.",
  notRecurring: "Nhiệm vụ này không có báo cáo định kỳ.",
  /** Why reporting is refused (core/reporting/decision). */
  get refusal() {
    return {
      not_allowed: this.cannotReport,
      done: this.alreadyDone,
      awaiting_confirmation: this.awaitingConfirmation,
      not_recurring: this.notRecurring,
    };
  },
  flowExpired:
    "Thao tác trước đã hết hạn (sau 30 phút không dùng) nên chưa được lưu. Hãy bắt đầu lại, ví dụ mở nhiệm vụ bằng /viec.",
  chooseTask: "Chọn nhiệm vụ cần báo cáo:",
  noOpenTasks: "Đơn vị không còn nhiệm vụ nào cần báo cáo.",
  stepHint: {
    percent: "Hãy chọn hoặc gõ mức tiến độ (0–100). Gõ /huy để hủy.",
    note: "Hãy gõ nội dung báo cáo. Gõ /huy để hủy.",
    evidence: "Hãy gửi tệp minh chứng hoặc chọn Gửi báo cáo. Gõ /huy để hủy.",
  },
  buttons: {
    send: "📤 Gửi báo cáo",
    cancel: "✖ Hủy",
    openTask: "Mở nhiệm vụ",
  },
  adminCompletion: (unit: string, ref: string, title: string, note: string, files: number, deadline: string) =>
    `✅ <b>${unit}</b> báo cáo hoàn thành nhiệm vụ ${ref}:\n${title}\n\nKết quả: ${note}` +
    `${files > 0 ? `\n📎 ${files} tệp minh chứng` : ""}\n${deadline}\n\nXác nhận hay trả lại?`,
} as const;
