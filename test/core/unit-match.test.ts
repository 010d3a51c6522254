import { describe, expect, it } from "vitest";
import { isGroupPhrase, type KnownUnit, matchUnits, unitKey } from "../../core/units/match";
import { splitUnitList } from "../../core/units/split";

describe("unitKey", () => {
  it.each([
    ["UBND huyện", "Ủy ban nhân dân huyện"],
    ["Uỷ ban nhân dân huyện", "Ủy ban nhân dân huyện"],
    ["HĐND huyện", "Hội đồng nhân dân huyện"],
    ["MTTQ huyện", "Mặt trận Tổ quốc huyện"],
    ["Ban Tổ chức Huyện uỷ", "Ban Tổ chức Huyện ủy"],
    ["  Sở   Tài Chính. ", "Sở Tài chính"],
    ["**Sở Y tế**;", "Sở Y tế"],
    ["Sở Văn hóa Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở VH, TT và DL", "Sở VH, TT và DL"],
    ["Các sở, ngành liên quan", "các sở, ngành có liên quan"],
    ["UBND các phường xã", "UBND các phường, xã"],
    ["Sở KH&CN", "Sở Khoa học và Công nghệ"],
    ["Mặt trận Tổ quốc và các tổ chức chính trị-xã hội", "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội"],
  ])("%s = %s", (a, b) => {
    expect(unitKey(a)).toBe(unitKey(b));
  });

  it.each([
    ["Sở Tài chính", "Sở Tư pháp"],
    ["UBND huyện", "UBND tỉnh"],
    ["Ban Tổ chức Huyện ủy", "Ban Tuyên giáo Huyện ủy"],
  ])("%s ≠ %s", (a, b) => {
    expect(unitKey(a)).not.toBe(unitKey(b));
  });
});

describe("isGroupPhrase", () => {
  it.each([
    ["Các Đảng ủy, chi bộ trực thuộc Huyện ủy", true],
    ["các sở, ban, ngành", true],
    ["UBND các xã, phường", true],
    ["Ủy ban nhân dân cấp xã", true],
    ["các cơ quan, đơn vị", true],
    ["Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện", true],
    ["Bộ, ngành, địa phương", true],
    ["Địa phương được lựa chọn", true],
    ["Tập đoàn, doanh nghiệp công nghệ số", true],
    ["UBND huyện", false],
    ["Hội đồng nhân dân huyện", false],
    ["Ban Tổ chức Huyện ủy", false],
    ["Sở Văn hóa, Thể thao và Du lịch", false],
    ["Ban Quản lý các Khu công nghiệp, khu kinh tế", false],
    ["Bộ Khoa học và Công nghệ", false],
  ])("%s → %s", (name, expected) => {
    expect(isGroupPhrase(name)).toBe(expected);
  });
});

describe("splitUnitList", () => {
  it.each<[string, string[]]>([
    ["Sở Tài chính, Sở Nội vụ và các cơ quan liên quan", ["Sở Tài chính", "Sở Nội vụ", "các cơ quan liên quan"]],
    ["Các Đảng ủy, chi bộ trực thuộc Huyện ủy", ["Các Đảng ủy, chi bộ trực thuộc Huyện ủy"]],
    ["Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện", ["Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện"]],
    [
      "Sở Văn hóa, Thể thao và Du lịch; Sở Khoa học và Công nghệ",
      ["Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"],
    ],
    ["Các sở, ngành; Ủy ban nhân dân các xã, phường.", ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"]],
    ["Bộ Khoa học và Công nghệ và các địa phương", ["Bộ Khoa học và Công nghệ", "các địa phương"]],
    ["Bộ Tài chính, bộ, ngành liên quan", ["Bộ Tài chính", "bộ, ngành liên quan"]],
    ["Bộ, ngành, địa phương", ["Bộ, ngành, địa phương"]],
    ["VTV, VOV, TTXVN, các địa phương", ["VTV", "VOV", "TTXVN", "các địa phương"]],
    ["Bộ Lao động - Thương binh và Xã hội, Thanh tra Chính phủ", ["Bộ Lao động - Thương binh và Xã hội", "Thanh tra Chính phủ"]],
    ["Ban Quản lý các Khu công nghiệp, khu kinh tế", ["Ban Quản lý các Khu công nghiệp, khu kinh tế"]],
    ["Các doanh nghiệp cung cấp dịch vụ bưu chính", ["Các doanh nghiệp cung cấp dịch vụ bưu chính"]],
    ["Sở Tài Chính; Sở Sở Công thương", ["Sở Tài Chính", "Sở Công thương"]],
    ["Thường trực Huyện ủy, HĐND huyện", ["Thường trực Huyện ủy", "HĐND huyện"]],
    ["**Sở Khoa học\nvà Công nghệ**", ["Sở Khoa học và Công nghệ"]],
    ["Các sở, ngành có liên quan theo chức năng, nhiệm vụ quản lý được giao", ["Các sở, ngành có liên quan"]],
    ["Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành", ["Các bộ, ngành, địa phương"]],
    [
      "Sở Khoa học và Công nghệ tiến hành rà soát văn bản; các sở, ngành liên quan và Ủy ban nhân dân các xã, phường rà soát văn bản do cơ quan mình ban hành",
      ["Sở Khoa học và Công nghệ", "các sở, ngành liên quan", "Ủy ban nhân dân các xã, phường"],
    ],
    // The clauses after a unit's sentence are its tasks, not more units; a unit opening a clause still counts.
    [
      "Ban Thường vụ Đảng uỷ thành lập Ban Chỉ đạo; làm tốt công tác giới thiệu người ứng cử; chỉ đạo giải quyết kịp thời vướng mắc",
      ["Ban Thường vụ Đảng uỷ"],
    ],
    ["Bộ Công an chủ trì; Bộ Quốc phòng phối hợp bảo đảm an ninh", ["Bộ Công an", "Bộ Quốc phòng"]],
    ["Uỷ ban nhân dân xã dự kiến cơ cấu, thành phần, số lượng đại biểu", ["Uỷ ban nhân dân xã"]],
    ["các đơn vị liên quan bố trí kinh phí thực hiện", ["các đơn vị liên quan"]],
    // One office serving both councils.
    ["Văn phòng HĐND và UBND xã; Phòng Kinh tế", ["Văn phòng HĐND và UBND xã", "Phòng Kinh tế"]],
    ["Văn phòng Đảng ủy và UBND xã", ["Văn phòng Đảng ủy", "UBND xã"]],
    [
      "Bộ Tư pháp (đối với thủ tục hành chính) Bộ Tài chính (đối với điều kiện kinh doanh)",
      ["Bộ Tư pháp (đối với thủ tục hành chính)", "Bộ Tài chính (đối với điều kiện kinh doanh)"],
    ],
    // A task's words overflowing into the lead cell: a document's name is no unit, the unit named after it is.
    ["Nghị quyết số 12-NQ/TW của Bộ Chính trị về phát triển văn hoá đọc Ban Chỉ đạo xã", ["Ban Chỉ đạo xã"]],
    ["Kế hoạch số 3-KH/ĐU ngày 02/3/2026 về chuyển đổi số", []],
    // Facilities named by what they do are units; a database is not.
    ["Cơ sở khám bệnh, chữa bệnh, Sở Y tế", ["Cơ sở khám bệnh, chữa bệnh", "Sở Y tế"]],
    ["Sở Y tế, Cơ sở dữ liệu quốc gia", ["Sở Y tế, Cơ sở dữ liệu quốc gia"]],
    // A long office-holder's title in prose is still a name (14 words).
    [
      "Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo thực hiện Kế hoạch",
      ["Thủ trưởng cơ quan ngang bộ", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"],
    ],
    ["", []],
  ])("%s", (text, expected) => {
    expect(splitUnitList(text)).toEqual(expected);
  });
});

describe("matchUnits", () => {
  const known: KnownUnit[] = [
    { id: 1, name: "Ủy ban nhân dân huyện", isGroup: false },
    { id: 2, name: "Hội đồng nhân dân huyện", isGroup: false },
    { id: 3, name: "Ban Tổ chức Huyện uỷ", isGroup: false },
    { id: 4, name: "Các Đảng ủy, chi bộ trực thuộc Huyện ủy", isGroup: true },
    { id: 5, name: "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện", isGroup: true },
  ];

  it("matches abbreviations, spellings and spacing to known units, in input order", () => {
    expect(
      matchUnits(
        [
          "UBND huyện",
          "HĐND  huyện.",
          "Ban Tổ chức Huyện ủy",
          "các Đảng uỷ, chi bộ trực thuộc Huyện ủy",
          "MTTQ và các tổ chức chính trị - xã hội huyện",
        ],
        known,
      ),
    ).toEqual([
      { name: "UBND huyện", kind: "existing", unitId: 1 },
      { name: "HĐND  huyện.", kind: "existing", unitId: 2 },
      { name: "Ban Tổ chức Huyện ủy", kind: "existing", unitId: 3 },
      { name: "các Đảng uỷ, chi bộ trực thuộc Huyện ủy", kind: "existing", unitId: 4 },
      { name: "MTTQ và các tổ chức chính trị - xã hội huyện", kind: "existing", unitId: 5 },
    ]);
  });

  it("proposes new units, flagging groups", () => {
    expect(matchUnits(["Ban Tuyên giáo Huyện ủy", "các cơ quan, đơn vị", "UBND các xã, thị trấn"], known)).toEqual([
      { name: "Ban Tuyên giáo Huyện ủy", kind: "new", isGroup: false },
      { name: "các cơ quan, đơn vị", kind: "new", isGroup: true },
      { name: "UBND các xã, thị trấn", kind: "new", isGroup: true },
    ]);
  });

  it("returns nothing for nothing", () => {
    expect(matchUnits([], known)).toEqual([]);
  });
});
