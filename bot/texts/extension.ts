export const extensionTexts = {
  start: (title: string, due: string) =>
    `⏳ <b>Xin gia hạn</b>\n${title}\n\nHạn hiện tại: ${due}.\nGõ hạn mới đề xuất theo dạng dd/mm/yyyy, ví dụ 31/12/2026:`,
  noDue: "Nhiệm vụ này không có hạn cụ thể nên không cần gia hạn.",
  pending: "Đơn vị đã có một đề nghị gia hạn đang chờ duyệt cho nhiệm vụ này.",
  dateUnparseable: "Chưa đọc được ngày. Gõ theo dạng dd/mm/yyyy, ví dụ 31/12/2026.",
  dateNotFuture: "Hạn mới phải sau hôm nay. Gõ lại ngày khác.",
  dateNotLater: (due: string) => `Hạn mới phải sau hạn hiện tại (${due}). Gõ lại ngày khác.`,
  askReason: (date: string) => `Hạn mới đề xuất: <b>${date}</b>.\nGõ lý do xin gia hạn:`,
  sent: (monitor: string) => `Đã gửi đề nghị gia hạn tới ${monitor}. Đồng chí sẽ được báo khi có quyết định.`,
  forAdmins: (unit: string, ref: string, title: string, from: string, to: string, reason: string) =>
    `⏳ <b>${unit}</b> xin gia hạn nhiệm vụ ${ref}:\n${title}\n\nHạn hiện tại: ${from}\nĐề xuất: <b>${to}</b>\nLý do: ${reason}`,
  approvedForAdmin: (admin: string) => `\n\n✔ Đồng ý bởi ${admin}.`,
  refusedForAdmin: (admin: string) => `\n\n✖ Từ chối bởi ${admin}.`,
  approvedForUnit: (ref: string, to: string) => `✔ Đề nghị gia hạn nhiệm vụ ${ref} được <b>đồng ý</b>. Hạn mới: <b>${to}</b>.`,
  refusedForUnit: (ref: string, due: string, monitor: string) =>
    `✖ Đề nghị gia hạn nhiệm vụ ${ref} <b>không được đồng ý</b>. Hạn vẫn là ${due}; liên hệ ${monitor} nếu cần trao đổi.`,
  alreadyDecided: "Đề nghị này đã được xử lý rồi.",
  /** The deciding admin's answer, standing alone (on Zalo it is a message of its own). */
  decided: (approve: boolean, ref: string, title: string, unit: string, due: string) =>
    approve
      ? `✔ Đã đồng ý gia hạn nhiệm vụ ${ref} «${title}» của ${unit}: hạn mới ${due}.`
      : `✖ Đã từ chối gia hạn nhiệm vụ ${ref} «${title}» của ${unit}: hạn vẫn là ${due}.`,
  buttons: { approve: "✔ Đồng ý", refuse: "✖ Từ chối" },
} as const;
