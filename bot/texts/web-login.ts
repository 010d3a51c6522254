export const webLoginTexts = {
  reply: (link: string, minutes: number) =>
    `Đường dẫn đăng nhập trang quản lý (dùng một lần, hết hạn sau ${minutes} phút):\n${link}\n\nĐừng chuyển đường dẫn này cho người khác.`,
};
