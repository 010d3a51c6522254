import { describe, expect, it } from "vitest";
import { joinLetterSpaced, joinLetterSpacedLines, splitGluedWords } from "../../core/units/glued-words";
import { extractPlan } from "../../core/plan-import/extract";
import { unwrapMarkdown } from "../../core/plan-import/markdown-wrapper";
import { dropPageFurniture } from "../../core/plan-import/page-furniture";
import { sourceLines, wrapWidth } from "../../core/plan-import/source-text";
import { unitKey } from "../../core/units/key";

describe("splitGluedWords: words OCR ran together", () => {
  it.each([
    ["Phòng Văn hoá chủtrì, phối hợp", "Phòng Văn hoá chủ trì, phối hợp"],
    ["Ban Thường vụĐảng uỷ", "Ban Thường vụ Đảng uỷ"],
    ["Đảng uỷUBND xã", "Đảng uỷ UBND xã"],
    ["nâng cao hiệu quảquản lý", "nâng cao hiệu quả quản lý"],
    ["các dựán đang làm", "các dự án đang làm"],
    ["tiếnhành bàngiao", "tiến hành bàn giao"],
    ["thếhệtrẻ", "thế hệ trẻ"],
    ["Uỷban nhân dân", "Uỷ ban nhân dân"],
  ])("%s", (glued, split) => {
    expect(splitGluedWords(glued)).toBe(split);
  });

  it.each([
    "Nguyễn Quốc Giang người nghiêng khuya Thuỷ",
    "online internet Raglai",
    "UBND HĐND NN&MT QĐ-TTg",
    "nghiệp vụ quốc phòng",
  ])("leaves whole words alone: %s", (text) => {
    expect(splitGluedWords(text)).toBe(text);
  });
});

describe("joinLetterSpaced: letter-spaced runs", () => {
  it("joins a spaced run and splits it into words", () => {
    expect(splitGluedWords(joinLetterSpaced("- T h a m m ư u , h ư ớ n g d ẫ n c ô n g t á c"))).toBe(
      "- Tham mưu, hướng dẫn công tác",
    );
    expect(splitGluedWords(joinLetterSpaced("Ban hành hoặc r à s o á t quy chế"))).toBe("Ban hành hoặc rà soát quy chế");
  });

  it("keeps short runs of single letters", () => {
    expect(joinLetterSpaced("nhóm A và B")).toBe("nhóm A và B");
  });

  it("joins the short lines a spaced run wraps onto, and nothing after it ends", () => {
    const lines = ["- T h a m m ư u c ô n g t á c c ấ p", "x ã", "n h i ệ m", "k ỳ", "2 0 2 6", "-", "2 0 3 1 .", "nhóm A và B"];
    expect(joinLetterSpacedLines(lines).map(splitGluedWords)).toEqual([
      "- Tham mưu công tác cấp",
      "xã",
      "nhiệm",
      "kỳ",
      "2026",
      "-",
      "2031.",
      "nhóm A và B",
    ]);
    expect(joinLetterSpacedLines(["Phân loại tổ chức đảng", "A B"])).toEqual(["Phân loại tổ chức đảng", "A B"]);
  });
});

describe("unwrapMarkdown", () => {
  it("drops front matter and keeps the fenced document", () => {
    const fenced = `---\ntitle: "x"\n---\n\n# Tóm tắt\nMột dòng tóm tắt.\n\n\`\`\`text\nKẾ HOẠCH\n${"Dòng của văn bản.\n".repeat(5)}\`\`\`\n`;
    expect(unwrapMarkdown(fenced)).toBe(`KẾ HOẠCH\n${"Dòng của văn bản.\n".repeat(4)}Dòng của văn bản.`);
  });

  it("leaves a document without a wrapper as it is", () => {
    expect(unwrapMarkdown("KẾ HOẠCH\n\nI. MỤC ĐÍCH")).toBe("KẾ HOẠCH\n\nI. MỤC ĐÍCH");
  });
});

describe("dropPageFurniture", () => {
  const page = (n: number) => [`TẬP SAN/Số 12/Ngày 0${n}-05-2026 `, `${40 + n} `, " "];
  it("drops a running header with its page number, and the signature stamp", () => {
    const lines = [
      ...page(1),
      "Dòng một của trang",
      "",
      ...page(2),
      "tiếp tục câu",
      ...page(3),
      "Ký bởi: CƠ QUAN A",
      "Cơ quan: VĂN PHÒNG",
      "Ngày ký: 2026-05-01",
    ];
    expect(dropPageFurniture(lines).filter((l) => l.trim() !== "")).toEqual(["Dòng một của trang", "tiếp tục câu"]);
  });

  it("keeps a line that repeats without page numbers", () => {
    const lines = ["Bộ Tài chính", "Quý I/2026", "Bộ Tài chính", "Quý I/2026", "Bộ Tài chính", "Quý I/2026"];
    expect(dropPageFurniture(lines)).toEqual(lines);
  });
});

describe("wrapWidth", () => {
  it("measures hard-wrapped text and ignores blank-separated paragraphs", () => {
    const wrapped = Array.from({ length: 30 }, (_, i) => (i % 5 === 4 ? "cuối đoạn." : "x".repeat(80)));
    expect(wrapWidth(wrapped)).toBe(80);
    const separated = wrapped.flatMap((line) => (line.endsWith(".") ? [line, ""] : [line]));
    expect(wrapWidth(separated)).toBeNull();
  });

  it("sourceLines normalises spaces and glued words line by line", () => {
    expect(sourceLines("Văn phòng\u00a0chủtrì\r\ndòng hai")).toEqual(["Văn phòng chủ trì", "dòng hai"]);
  });
});

describe("unit names as written", () => {
  it("keeps the document's spelling of a lead and matches it to the known unit whatever its spacing", () => {
    const plan = extractPlan(
      "KẾ HOẠCH\nCông tác năm 2026\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo: Chủtrì tổ chức hội nghị quán triệt trong quý I/2026.\n\n2. Văn phòngĐảng uỷ: Chủ trì tổng hợp báo cáo hằng quý.\n",
    );
    expect(plan.tasks.map((t) => t.lead)).toEqual([["Ban Tuyên giáo"], ["Văn phòngĐảng uỷ"]]);
    expect(unitKey("Văn phòngĐảng uỷ")).toBe(unitKey("Văn phòng Đảng ủy"));
  });
});
