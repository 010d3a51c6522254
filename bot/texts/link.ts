/** Linking a second channel (Telegram ↔ Zalo) to the same member. */
export const linkTexts = {
  code: (code: string, other: string, until: string) =>
    `Mã liên kết: <b>${code}</b> (dùng một lần, hết hạn lúc ${until}).\n` +
    `Mở ${other}, nhắn cho bot: <code>/lienket ${code}</code>\nSau đó đồng chí nhận nhắc việc ở cả hai nơi.`,
  linked: (name: string, unit: string) =>
    `Đã liên kết: tài khoản này nay là của đồng chí <b>${name}</b> (${unit}).\nGõ /viec để xem nhiệm vụ của đơn vị.`,
  alreadyLinked: (name: string) => `Tài khoản này đã là của đồng chí ${name}. Không cần liên kết nữa.`,
  askCodeFirst:
    "Để liên kết, trước hết gõ /lienket ở ứng dụng đồng chí đang dùng với bot để lấy mã, rồi nhắn /lienket <mã> ở đây.",
  malformed: "Mã liên kết gồm 8 chữ và số, ví dụ /lienket ABCD2345. Hãy gõ lại.",
  unknown: "Mã liên kết không đúng hoặc đã hết hạn. Hãy lấy mã mới bằng /lienket ở ứng dụng kia.",
  taken: "Tài khoản này đang thuộc về một cán bộ khác trong hệ thống, nên không liên kết được. Hãy báo Ban Tổ chức.",
  sameChannel: (channel: string, other: string) =>
    `Cán bộ dùng mã này đã có tài khoản ${channel}, nên không liên kết thêm tài khoản ${channel} nào. Mã liên kết chỉ dùng ở ${other}: mở ${other} và nhắn /lienket <mã> cho bot ở đó.`,
  privateOnly: "Hãy liên kết trong tin nhắn riêng với bot, không trong nhóm.",
};
