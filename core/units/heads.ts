/**
 * Words that open a unit name in Vietnamese administrative text ("Sở …", "Ban …",
 * "UBND …", "các …"). Used to tell a new unit from the continuation of the previous
 * one when a list is split at commas and "và": "Sở Văn hóa, Thể thao và Du lịch" is
 * one unit because "Thể thao" and "Du lịch" open nothing.
 */

// Capitalised heads match case-sensitively: lower-case "ban", "bộ" inside
// "các sở, ban, ngành" or "các bộ, ngành" continue a group phrase.
const CAPITALISED_HEADS = [
  "Sở",
  "Bộ",
  "Ban",
  "Ủy ban",
  "UBND",
  "HĐND",
  "Hội đồng",
  "Mặt trận",
  "MTTQ",
  "UBMTTQ",
  "Văn phòng",
  "Báo",
  "Đài",
  "Công an",
  "Hội",
  "Hiệp hội",
  "Liên đoàn",
  "Liên minh",
  "Tỉnh đoàn",
  "Huyện đoàn",
  "Thành đoàn",
  "Đoàn",
  "Thanh tra",
  "Trường",
  "Cục",
  "Tổng cục",
  "Chi cục",
  "Viện",
  "Học viện",
  "Trung tâm",
  "Kho bạc",
  "Ngân hàng",
  "Tòa án",
  "Quốc hội",
  "Chính phủ",
  "Thủ tướng",
  "Tập đoàn",
  "Tổng công ty",
  "Công ty",
  "Bảo hiểm",
  "Thuế",
  "Hải quan",
  "Đảng ủy",
  "Đảng bộ",
  "Huyện ủy",
  "Tỉnh ủy",
  "Thành ủy",
  "Thị ủy",
  "Chi bộ",
  // A party cell's plan gives work to its committee, the village's associations and people by their post.
  "Chi ủy",
  "Chi hội",
  "Chi đoàn",
  "Trưởng thôn",
  "Trưởng ấp",
  "Trưởng bản",
  "Trưởng khu phố",
  "Đồng chí",
  "Cơ quan",
  "Đơn vị",
  "Địa phương",
  "Phòng",
  "Quỹ",
  "Bệnh viện",
  // Facilities named by what they do: "Cơ sở khám bệnh, chữa bệnh", "Cơ sở giáo dục"; not "Cơ sở dữ liệu".
  "Cơ sở khám bệnh",
  "Cơ sở y tế",
  "Cơ sở giáo dục",
  "Cơ sở đào tạo",
  "Cơ sở trợ giúp",
  "Cơ sở bảo trợ",
  "Đại học",
  "Bưu điện",
  "Điện lực",
  "Bộ đội",
  "Lực lượng",
  "Thường trực",
  "Kiểm toán",
  "Chủ tịch",
  "Giám đốc",
  "Thủ trưởng",
  "Người đứng đầu",
  "Các",
  "Những",
  "Mọi",
  "BCH",
  "BQL",
  "TAND",
  "VKSND",
  "BHXH",
  "KBNN",
  "NHNN",
  "VTV",
  "VOV",
  "TTXVN",
  "VNPT",
  "EVN",
  "Viettel",
];

const LOWERCASE_HEADS = ["các", "những", "mọi"];

/** Old-style tone placement in open syllables ("Uỷ", "Toà", "hoá") rewritten to the modern one, for matching only. */
export function modernTones(text: string): string {
  return text
    .replace(/([oO])([àáảãạ])(?!\p{L})/gu, (_, o: string, a: string) => `${toneOn(o, a)}a`)
    .replace(/([uU])([ỳýỷỹỵ])(?!\p{L})/gu, (_, u: string, y: string) => `${toneOn(u, y)}y`);
}

const TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

function toneOn(base: string, toned: string): string {
  const mark = toned.normalize("NFD").slice(1);
  return TONES.includes(mark) ? (base + mark).normalize("NFC") : base;
}

const HEADS = [...CAPITALISED_HEADS, ...LOWERCASE_HEADS];

// "Các nhiệm vụ trọng tâm", "các ngành, lĩnh vực khác": plurals of things, not of bodies.
const PLURAL_OF_THINGS =
  /^(?:các|những|mọi) (?:nhiệm vụ|giải pháp|nội dung|chỉ tiêu|mục tiêu|chương trình|đề án|dự án|hoạt động|văn bản|lĩnh vực|ngành, lĩnh vực|năm|tháng|quý|nền tảng|chính sách|quy định|khóa|khoá|lớp|đợt|cuộc|kỳ|hội nghị|sản phẩm|dịch vụ|công trình)(?![\p{L}])/iu;
// "Ban hành các Nghị quyết …": the verb "to issue", not a board. "Chi ủy viên": a member's title
// after a name ("Đồng chí Nguyễn Văn A, Chi ủy viên"), not the cell's committee.
const VERB_NOT_HEAD = /^(?:Ban hành|Chi (?:ủy|Ủy) viên)(?![\p{L}])/u;

// "(Giao cơ quan Uỷ ban Mặt trận Tổ quốc xã chủ trì …)": the body's office, named by the body.
const OFFICE_OF = /^cơ quan (?=\p{Lu})/u;

/** True when `text` begins with a unit head followed by a word boundary. */
export function startsWithUnitHead(text: string): boolean {
  const candidate = modernTones(text.trimStart());
  if (PLURAL_OF_THINGS.test(candidate) || VERB_NOT_HEAD.test(candidate)) return false;
  const office = OFFICE_OF.exec(candidate);
  if (office) return startsWithUnitHead(candidate.slice(office[0].length));
  for (const head of HEADS) {
    if (!candidate.startsWith(head)) continue;
    const next = candidate.charAt(head.length);
    if (next === "" || !/[\p{L}\p{N}]/u.test(next)) return true;
  }
  return false;
}
