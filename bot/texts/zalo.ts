/** What the bot says on Zalo where Telegram would have shown a button or accepted a file. */
export const zaloTexts = {
  unknownKey: (key: string, keys: string[]) =>
    `Không có mục "${key}" trong danh sách vừa gửi. Hãy gõ một trong: ${keys.slice(0, 12).join(", ")}${keys.length > 12 ? "…" : ""}; hoặc gõ /trogiup để xem các lệnh.`,
  staleMenu: "Danh sách lựa chọn đã cũ hoặc chưa có. Gõ lại lệnh (ví dụ /viec) để có danh sách mới.",
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
