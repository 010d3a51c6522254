export const reviewTexts = {
  notYours: "Chỉ quản trị viên theo dõi kế hoạch này mới xác nhận được.",
  alreadyDecided: "Báo cáo này đã được xử lý rồi.",
  ownReport: "Người báo cáo hoàn thành không tự xác nhận được. Cần một quản trị viên khác của đơn vị theo dõi.",
  confirmedForAdmin: (admin: string) => `\n\n✔ Đã xác nhận bởi ${admin}.`,
  returnedForAdmin: (admin: string, reason: string) => `\n\n↩ Đã trả lại bởi ${admin}: ${reason}`,
  askReturnReason: "Gõ lý do trả lại (đơn vị sẽ nhận được nguyên văn):",
  confirmedForUnit: (ref: string, title: string, onTime: boolean) =>
    `✅ Nhiệm vụ ${ref} đã được xác nhận <b>hoàn thành ${onTime ? "đúng hạn" : "quá hạn"}</b>:\n${title}`,
  returnedForUnit: (ref: string, title: string, reason: string) =>
    `↩ Báo cáo hoàn thành nhiệm vụ ${ref} được <b>trả lại</b>:\n${title}\n\nLý do: ${reason}\nNhiệm vụ trở lại trạng thái đang thực hiện; bổ sung rồi báo cáo lại.`,
  returnSaved: (ref: string, title: string, unit: string) =>
    `↩ Đã trả lại báo cáo hoàn thành nhiệm vụ ${ref} «${title}» của ${unit} và báo cho đơn vị.`,
  /** The deciding admin's answer, standing alone (on Zalo it is a message of its own). */
  confirmed: (ref: string, title: string, unit: string) => `✔ Đã xác nhận hoàn thành nhiệm vụ ${ref} «${title}» của ${unit}.`,
} as const;
