// Words that end a unit phrase in prose: "Sở X tiến hành rà soát", "các sở, ngành có
// liên quan theo chức năng", "Các bộ, ngành, địa phương là chủ quản CSDL".
const PROSE_STOPS = [
  "tiến hành",
  "thành lập",
  "rà soát",
  "chủ trì",
  "phối hợp",
  "thực hiện",
  "tổ chức",
  "triển khai",
  "kiểm soát",
  "xây dựng",
  "tham mưu",
  "chuẩn bị",
  "tổng hợp",
  "báo cáo",
  "hướng dẫn",
  "theo dõi",
  "kiểm tra",
  "đôn đốc",
  "phát động",
  "chỉ đạo",
  "lãnh đạo",
  "quán triệt",
  "có trách nhiệm",
  "chịu trách nhiệm",
  "chủ động",
  "tiếp tục",
  "gửi",
  "ban hành",
  "nghiên cứu",
  "đề xuất",
  "cập nhật",
  "phê duyệt",
  "xem xét",
  "giúp",
  "là",
  "theo",
  "tại",
  "để",
  "nhằm",
  "căn cứ",
  "tăng cường",
  "đẩy mạnh",
  "bảo đảm",
  "đảm bảo",
  "tuyên truyền",
  "thúc đẩy",
  "ưu tiên",
  "phát huy",
  "quan tâm",
  "tập trung",
  "đưa",
  "dự kiến",
  "vận động",
  "huy động",
  "sơ kết",
  "tổng kết",
  "ra quân",
  "vào",
  "bố trí",
];
// After a word, any stop ends the phrase ("có liên quan tổ chức …") unless the word makes
// it a noun ("các tổ chức", "và tổ chức liên quan", "đầu tư xây dựng"); after a comma, only
// unambiguous verbs do ("các sở, ngành, triển khai …" but "các cơ quan, tổ chức, cá nhân").
const NOUN_MAKERS = "(?:[Cc]ác|[Nn]hững|và|tư)";
const AFTER_COMMA_STOPS = PROSE_STOPS.filter((stop) => !["tổ chức", "theo", "tại", "là", "để", "nhằm"].includes(stop));
// "Các cơ quan tham mưu, giúp việc Đảng uỷ", "Ban xây dựng Đảng" name bodies: no verb there.
const asNames = (stops: string[]) =>
  stops
    .join("|")
    .replace("tham mưu", "tham mưu(?!,? giúp việc)")
    .replace("xây dựng", "xây dựng(?! Đảng)")
    .replace("|giúp|", "|giúp(?! việc)|");
const STOPS = asNames(PROSE_STOPS);
const COMMA_STOPS = asNames(AFTER_COMMA_STOPS);
export const PROSE_STOP = new RegExp(
  `(?:(?<=[\\p{L}\\p{N}])(?<!(?:^|[\\s,;(])${NOUN_MAKERS}) (?:${STOPS})|, (?:${COMMA_STOPS}))(?![\\p{L}\\p{N}])`,
  "u",
);

// A sentence break inside prose; a unit name never contains ". " followed by a capital.
export const SENTENCE_BREAK = /\.\s+(?=\p{Lu})/u;
