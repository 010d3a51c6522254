import { describe, expect, it } from "vitest";
import { extractPlan } from "../../core/plan-import/extract";
import { readFlatTable } from "../../core/plan-import/flat-table";

/** A Phụ lục as PDF extraction flattens it: one cell fragment per line, no separators. Written for this test. */
const flattened = `PHỤ LỤC
DANH MỤC NHIỆM VỤ
STT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ
quan
phối hợp
Kết quả
Thời gian hoàn
thành
I. Hoàn thiện thể chế về chuyển đổi số
1.
Xây dựng quy định về chia sẻ dữ liệu giữa
các cơ quan nhà nước trên địa bàn tỉnh.
Sở Khoa học và
Công nghệ
Các sở, ban,
ngành
Quyết định của
Ủy ban nhân dân
Quý II/2026
2.
Rà soát thủ tục hành chính trên môi trường
điện tử
Bộ Công
Thương
Văn phòng Ủy ban
Báo cáo
Thường xuyên  3.  Tổ chức tập huấn kỹ năng số cho cán bộ
cấp xã theo chương trình chung
Sở Nội vụ
Năm 2026
II. Hạ tầng số
1.
Nâng cấp hạ tầng mạng cho các công trình
-
Trụ sở cấp xã.
Sở Tài chính
Các xã
Hạ tầng được nâng cấp
Năm 2027
-
Trường học.
Sở Giáo dục và Đào tạo
`;

describe("readFlatTable: a table flattened one cell fragment per line", () => {
  const lines = flattened.split("\n");
  const table = readFlatTable(lines, lines.indexOf("STT"));
  const rows = table?.rows.map((row) => row.map((cell) => cell.text)) ?? [];

  it("reads the header's column names across broken lines", () => {
    expect(rows[0]).toEqual(["stt", "ten nhiem vu", "co quan chu tri", "co quan phoi hop", "ket qua", "thoi gian hoan thanh"]);
  });

  it("splits each row into its cells, with group rows and a row number glued to the last cell", () => {
    expect(rows[1]?.slice(0, 2)).toEqual(["I", "Hoàn thiện thể chế về chuyển đổi số"]);
    expect(rows[2]).toEqual([
      "1",
      "Xây dựng quy định về chia sẻ dữ liệu giữa các cơ quan nhà nước trên địa bàn tỉnh.",
      "Sở Khoa học và Công nghệ",
      "Các sở, ban, ngành",
      "Quyết định của Ủy ban nhân dân",
      "Quý II/2026",
    ]);
    expect(rows[3]?.slice(2)).toEqual(["Bộ Công Thương", "Văn phòng Ủy ban", "Báo cáo", "Thường xuyên"]);
    // Empty cells (no co-operating unit, no result) are skipped, not filled with the next cell.
    expect(rows[4]).toEqual([
      "3",
      "Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã theo chương trình chung",
      "Sở Nội vụ",
      "",
      "",
      "Năm 2026",
    ]);
  });

  it("gives '-' sub-rows their own task and lead, and merged cells from the row above", () => {
    const subRows = rows.filter((row) => row[0]?.startsWith("1."));
    expect(subRows.map((row) => [row[1], row[2], row[5]])).toEqual([
      ["Trụ sở cấp xã.", "Sở Tài chính", "Năm 2027"],
      ["Trường học.", "Sở Giáo dục và Đào tạo", "Năm 2027"],
    ]);
  });

  it("makes tasks of the rows through extractPlan", () => {
    const plan = extractPlan(`KẾ HOẠCH\nChuyển đổi số năm 2026\nI. NHIỆM VỤ\nCác sở thực hiện theo Phụ lục.\n${flattened}`);
    const titles = plan.tasks.map((task) => task.title);
    expect(titles).toContain("Rà soát thủ tục hành chính trên môi trường điện tử");
    const first = plan.tasks.find((task) => task.title.startsWith("Xây dựng quy định"));
    expect(first?.lead).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(first?.deadline.due).toBe("2026-06-30");
  });
});

describe("readFlatTable: a cell whose name is cut before a capitalised line", () => {
  // Written for this test: the result cell breaks inside a unit's name, each part capitalised.
  const lines = `TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Kết quả
Thời gian
hoàn thành
1
Xây dựng bộ tiêu chí đánh giá hiệu quả
phục vụ công tác quản lý
Sở Tư pháp
Các sở,
ngành
Đề án trình
Chủ tịch
Ủy ban nhân dân
Tháng
9/2026`.split("\n");
  const rows = readFlatTable(lines, 0)?.rows.map((row) => row.map((cell) => cell.text)) ?? [];

  it("keeps the task, lead and coop in their columns and the cut name in one cell", () => {
    expect(rows[1]).toEqual([
      "1",
      "Xây dựng bộ tiêu chí đánh giá hiệu quả phục vụ công tác quản lý",
      "Sở Tư pháp",
      "Các sở, ngành",
      "Đề án trình Chủ tịch Ủy ban nhân dân",
      "Tháng 9/2026",
    ]);
  });
});

describe("readFlatTable: a time cell that is only a year", () => {
  // Written for this test: the year line has no capital, so only its form shows it opens a cell.
  const lines = `STT
Nhiệm vụ
Cơ quan chủ trì
Sản phẩm
Thời gian
1
Rà soát mạng lưới cơ sở
đào tạo trên địa bàn
Sở Giáo dục và Đào tạo
Đề án sắp xếp mạng lưới
cơ sở đào tạo
2026 - 2030
2
Tổng kết việc thực hiện
Sở Nội vụ
Báo cáo tổng kết năm
2027`.split("\n");
  const rows = readFlatTable(lines, 0)?.rows.map((row) => row.map((cell) => cell.text)) ?? [];

  it("opens the time cell at a year line unless the line before leaves it open", () => {
    expect(rows[1]?.slice(2)).toEqual(["Sở Giáo dục và Đào tạo", "Đề án sắp xếp mạng lưới cơ sở đào tạo", "2026 - 2030"]);
    expect(rows[2]?.slice(2)).toEqual(["Sở Nội vụ", "Báo cáo tổng kết năm 2027", ""]);
  });
});

describe("readFlatTable: a task whose end comes after the row's other cells", () => {
  // Written for this test: a page break sent row 2's last task lines after its time cell, and a
  // note in row 3 runs wider than the task column.
  const lines = `STT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian
1
Rà soát quy hoạch mạng lưới trạm quan
trắc khí tượng thủy văn trên địa bàn
Sở Nông nghiệp
Các sở, ngành
Năm 2026
2
Hiện đại hóa hệ thống cảnh báo sớm,
ứng dụng công nghệ số, tăng cường việc
Sở Nông nghiệp
Sở Khoa học
và Công nghệ
Giai đoạn
2026 - 2030
theo dõi, giám sát thiên tai ở các xã có
nguy cơ cao về lũ quét, sạt lở đất.
3
Tổ chức diễn tập ứng phó thiên tai ở
cấp xã theo phương án đã được duyệt
Ủy ban nhân dân các xã
Các sở, ngành
Năm 2027
(Ghi chú: diễn tập kết hợp với kiểm tra công tác chuẩn bị lực lượng, phương tiện, vật tư tại chỗ)
4
Kiểm tra, đánh giá công tác phòng,
chống thiên tai của các xã, phường
Sở Nông nghiệp
Các xã, phường
Năm 2026`.split("\n");
  const rows = readFlatTable(lines, 0)?.rows.map((row) => row.map((cell) => cell.text)) ?? [];

  it("moves the task's last lines back to it, measuring the column without the stray wide line", () => {
    expect(rows[2]).toEqual([
      "2",
      "Hiện đại hóa hệ thống cảnh báo sớm, ứng dụng công nghệ số, tăng cường việc theo dõi, giám sát thiên tai ở các xã có nguy cơ cao về lũ quét, sạt lở đất.",
      "Sở Nông nghiệp",
      "Sở Khoa học và Công nghệ",
      "Giai đoạn 2026 - 2030",
    ]);
  });
});

describe("readFlatTable: a time cell glued to the cell before it by one space", () => {
  // Written for this test.
  const lines = `STT
Nhiệm vụ
Cơ quan chủ trì
Sản phẩm
Thời gian
1.
Phối hợp kiểm tra việc thực hiện chính sách
bảo hiểm xã hội trên địa bàn
Sở Nội vụ
Các hoạt động,
văn bản phối hợp Thường xuyên
2.
Tổng kết công tác năm
Sở Tài chính
Báo cáo tổng kết Quý IV/2026`.split("\n");
  const rows = readFlatTable(lines, 0)?.rows.map((row) => row.map((cell) => cell.text)) ?? [];

  it("reads the time phrase at the line's end as the time cell", () => {
    expect(rows[1]?.slice(2)).toEqual(["Sở Nội vụ", "Các hoạt động, văn bản phối hợp", "Thường xuyên"]);
    expect(rows[2]?.slice(2)).toEqual(["Sở Tài chính", "Báo cáo tổng kết", "Quý IV/2026"]);
  });
});

describe("readFlatTable: a task's lines that a page break put inside another cell", () => {
  // Written for this test: after the page's time cell come the task's last lines, then the end of the coop cell.
  const lines = `STT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian
1.
Sửa đổi quy định về mức hỗ trợ học phí cho
học sinh trên địa bàn tỉnh, bảo đảm phù hợp
Sở Giáo dục
Sở Tài chính
Tháng 3/2027
với khả năng cân đối của ngân sách địa phương
và lộ trình tăng học phí đã được phê duyệt.
và các sở, ngành
2.
Tổng kết việc thực hiện chính sách hỗ trợ học
phí giai đoạn trước trên địa bàn toàn tỉnh
Sở Giáo dục
Các sở, ngành
Năm 2026`.split("\n");
  const rows = readFlatTable(lines, 0)?.rows.map((row) => row.map((cell) => cell.text)) ?? [];

  it("moves the run of wide lines back to the task and keeps the time cell", () => {
    expect(rows[1]?.[1]).toBe(
      "Sửa đổi quy định về mức hỗ trợ học phí cho học sinh trên địa bàn tỉnh, bảo đảm phù hợp với khả năng cân đối của ngân sách địa phương và lộ trình tăng học phí đã được phê duyệt.",
    );
    expect(rows[1]?.slice(2, 4)).toEqual(["Sở Giáo dục", "Sở Tài chính"]);
    expect(rows[1]?.[4]).toMatch(/^Tháng 3\/2027/);
  });
});

describe("readFlatTable: a task line that opens with a unit's name", () => {
  // Written for this test: the task's second line begins with a capitalised unit name, but it is
  // as wide as the task column, which the lead and co-operating columns never are.
  const lines = `TT
Tên nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
1
Nghiên cứu, tham mưu trình Hội đồng nhân dân
Ủy ban nhân dân tỉnh ban hành quy định mới về
quản lý cụm công nghiệp trên địa bàn tỉnh
Sở Công Thương
Sở Tài chính,
Sở Xây dựng
Quý III/2026
2
Tổ chức kiểm tra việc thực hiện quy định về
an toàn phòng cháy tại các cụm công nghiệp
Sở Công Thương
Công an tỉnh
Năm 2026`.split("\n");
  const rows = readFlatTable(lines, 0)?.rows.map((row) => row.map((cell) => cell.text)) ?? [];

  it("keeps the line with the task, and the narrow cells after it as lead and co-operating units", () => {
    expect(rows[1]).toEqual([
      "1",
      "Nghiên cứu, tham mưu trình Hội đồng nhân dân Ủy ban nhân dân tỉnh ban hành quy định mới về quản lý cụm công nghiệp trên địa bàn tỉnh",
      "Sở Công Thương",
      "Sở Tài chính, Sở Xây dựng",
      "Quý III/2026",
    ]);
  });
});

describe("readFlatTable: rows without numbers under group rows", () => {
  // Written for this test: the group's name as wide as a task line, then a task written a word or two to a line.
  const lines = `Stt
Nội dung
Thời gian trình
Cơ quan
chủ trì
I
Quốc phòng và an ninh trật tự
Nghị
quyết
về
lãnh
đạo
nhiệm vụ quân sự, quốc
phòng địa phương.
Quý IV hàng
năm
Đảng uỷ
UBND xã
Kế hoạch thực hiện kết luận về tiếp
tục xây dựng lực lượng dân quân.
Quý I/2026
Đảng uỷ
UBND xã
II
Lĩnh vực văn hoá -
Xã hội
Nghị quyết về phát triển du lịch cộng
đồng gắn với di sản văn hoá.
Quý II/2026
Ban Xây dựng Đảng`.split("\n");
  const rows = readFlatTable(lines, 0)?.rows.map((row) => row.map((cell) => cell.text)) ?? [];

  it("ends the group's name where the first task's words begin, however short their lines", () => {
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ["I", "Quốc phòng và an ninh trật tự"],
      ["I.1", "Nghị quyết về lãnh đạo nhiệm vụ quân sự, quốc phòng địa phương."],
      ["I.2", "Kế hoạch thực hiện kết luận về tiếp tục xây dựng lực lượng dân quân."],
      ["II", "Lĩnh vực văn hoá - Xã hội"],
      ["II.1", "Nghị quyết về phát triển du lịch cộng đồng gắn với di sản văn hoá."],
    ]);
  });
});
