/** What the bot says on Zalo where Telegram would have shown a button or accepted a file. */
export const zaloTexts = {
  unknownKey: (key: string, menus: { title: string; items: { key: string; label?: string }[] }[]) => {
    const shown = menus.slice(-5).map((m) => {
      const items = m.items.slice(0, 8).map((i) => `${i.key}. ${i.label ?? ""}`.trim());
      const more = m.items.length > 8 ? ["…"] : [];
      return [`• ${m.title || "Danh sách"}`, ...items.map((i) => `   ${i}`), ...more].join("\n");
    });
    return [
      `Không có mục "${key}" trong các danh sách đang mở. Đồng chí có thể gõ:`,
      ...shown,
      "Hoặc gõ /trogiup để xem các lệnh.",
    ].join("\n");
  },
  staleMenu: "Danh sách lựa chọn đã cũ hoặc chưa có. Gõ lại lệnh (ví dụ /viec) để có danh sách mới.",
  evidenceLink: (name: string, link: string) => `📎 ${name} — mở hoặc tải về tại (hiệu lực 1 giờ):\n${link}`,
  evidenceOnTelegram: (name: string) =>
    `📎 ${name} được gửi qua Telegram nên Zalo không mở được. Đồng chí xem tệp này trong Telegram, hoặc gõ /web để mở trang quản trị.`,
  groupOnce:
    "Bot theo dõi kế hoạch chỉ làm việc trong tin nhắn riêng, để nhiệm vụ của đơn vị không hiện trong nhóm. Đồng chí hãy nhắn riêng cho bot (gõ /viec hoặc /start MÃ-MỜI). Trong nhóm này bot sẽ không trả lời nữa.",
  stickerOrVoice: "Bot chỉ đọc được chữ và ảnh. Hãy gõ lệnh, ví dụ /viec để xem nhiệm vụ, hoặc /trogiup để xem các lệnh.",
  textExpected: "Bot đang chờ đồng chí gõ câu trả lời bằng chữ (nhãn dán và tin thoại không đọc được). Gõ /huy để dừng.",
  fileUnsupported:
    "Zalo chưa cho bot nhận tệp văn bản. Hãy gửi ảnh chụp, hoặc gõ /web để mở trang quản trị và đính kèm tệp ở đó.",
  fileInReport: (link: string) =>
    `Zalo chưa cho bot nhận tệp văn bản. Đồng chí gửi báo cáo này kèm tệp trên trang sau (hiệu lực 4 giờ), hoặc gửi ảnh chụp ngay tại đây:\n${link}`,
  photoOutsideFlow:
    "Bot đã nhận ảnh nhưng chưa biết ảnh này cho việc gì. Hãy mở nhiệm vụ (/viec), chọn Báo cáo tiến độ rồi gửi ảnh.",
  photoFailed: "Không tải được ảnh từ Zalo (ảnh quá lớn hoặc đường truyền lỗi). Hãy gửi lại ảnh, nhỏ hơn 10 MB.",
  notMember:
    "Đồng chí chưa tham gia hệ thống theo dõi kế hoạch. Hãy xin mã mời từ người quản trị (Ban Tổ chức) rồi gõ: /start MÃ_MỜI",
  handlerFailed:
    "Xin lỗi, bot gặp lỗi khi xử lý yêu cầu này và chưa lưu gì. Đồng chí thử lại sau ít phút; nếu vẫn lỗi, báo cho Ban Tổ chức.",
  handlerFailedAfterSaving:
    "Xin lỗi, bot gặp lỗi khi trả lời, nhưng những gì đồng chí vừa gửi đã được lưu. Đồng chí không cần gửi lại; gõ /viec để xem nhiệm vụ và báo cáo mới nhất.",
};
