import { describe, expect, it } from "vitest";
import dongNai from "../../../shared/plans/dong-nai-179-KH-UBND.md?raw";
import laiChau from "../../../shared/plans/lai-chau-7360-KH-UBND.md?raw";
import nq57 from "../../../shared/plans/nq57-chuong-trinh-hanh-dong-phu-luc-II.md?raw";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";
import { readDocx } from "../../core/docx";
import { extractPlan } from "../../core/plan-import/extract";
import {
  buildDocx,
  buildZip,
  deflateBomb,
  denseDeflateBomb,
  docxFromText,
  hostileDocx,
  numberingXml,
  paragraph,
  run,
  table,
} from "../../scripts/lib/docx-builder";

const text = async (bytes: Uint8Array, limit?: number) => {
  const result = await readDocx(bytes, limit);
  if (!result.ok) throw new Error(`not read: ${result.problem}`);
  return result.text;
};

describe("readDocx: text", () => {
  it("gives one paragraph per block, bold as **, tabs and line breaks kept", async () => {
    const body = [
      paragraph([run("KẾ HOẠCH", true)]),
      paragraph([run("Thực hiện "), run("Nghị quyết", true), run(" số "), run("45", true), run("-NQ/TW")]),
      `<w:p><w:r><w:t>Số:</w:t></w:r><w:r><w:tab/><w:t>123-KH/TU</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">dòng hai &amp; &lt;ba&gt;</w:t></w:r></w:p>`,
      // Tracked deletion, field code and the fallback copy of a text box are not text.
      `<w:p><w:del><w:r><w:delText>đã xóa</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>còn lại</w:t></w:r></w:p>`,
      `<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
      // What a tracked formatting change replaced (bold, a list) is not what the page shows.
      `<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:i/><w:rPrChange><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>đã sửa định dạng</w:t></w:r></w:p>`,
      "<w:p/>",
    ].join("");
    expect(await text(await buildDocx(body))).toBe(
      `${[
        "**KẾ HOẠCH**",
        "Thực hiện **Nghị quyết** số **45**-NQ/TW",
        "Số: 123-KH/TU\ndòng hai & <ba>",
        "còn lại",
        "Hộp chữ",
        "đã sửa định dạng",
      ].join("\n\n")}\n`,
    );
  });

  it("puts Word's automatic list numbers back (Roman, decimal, letters, bullets)", async () => {
    const numbering = numberingXml([
      {
        numId: 1,
        levels: [
          { format: "upperRoman", text: "%1." },
          { format: "decimal", text: "%2." },
          { format: "lowerLetter", text: "%3)" },
        ],
      },
      { numId: 2, levels: [{ format: "bullet", text: "" }] },
      {
        numId: 3,
        levels: [
          { format: "decimal", text: "%1.", start: 4 },
          { format: "decimal", text: "%1.%2." },
        ],
      },
    ]);
    const body = [
      paragraph([run("MỤC ĐÍCH, YÊU CẦU", true)], { numId: 1 }),
      paragraph("Mục đích", { numId: 1, level: 1 }),
      paragraph("Một", { numId: 1, level: 2 }),
      paragraph("Hai", { numId: 1, level: 2 }),
      paragraph("Yêu cầu", { numId: 1, level: 1 }),
      paragraph("Ba", { numId: 1, level: 2 }),
      paragraph("NHIỆM VỤ", { numId: 1 }),
      paragraph("Chấm đầu dòng", { numId: 2 }),
      paragraph("Bốn", { numId: 3 }),
      paragraph("Bốn chấm một", { numId: 3, level: 1 }),
    ].join("");
    expect((await text(await buildDocx(body, { numbering }))).split("\n\n")).toEqual([
      "I. **MỤC ĐÍCH, YÊU CẦU**",
      "1. Mục đích",
      "a) Một",
      "b) Hai",
      "2. Yêu cầu",
      "a) Ba",
      "II. NHIỆM VỤ",
      "- Chấm đầu dòng",
      "4. Bốn",
      "4.1. Bốn chấm một\n",
    ]);
  });

  it("writes each table row as a | a | b | line: merged cells repeated, spans padded, rules and pipes dropped", async () => {
    const body = table([
      [
        { text: "TT", bold: true },
        { text: "Nhiệm vụ", bold: true },
        { text: "Cơ quan chủ trì", bold: true },
        { text: "Thời gian", bold: true },
      ],
      [
        { text: "I", bold: true },
        { text: "Nhóm nhiệm vụ thứ nhất", span: 3, bold: true },
      ],
      ["1", "Xây dựng đề án A | B", { text: "Sở Nội vụ", merge: "restart" }, "Quý III/2025"],
      ["2", "Tổ chức tập huấn\nở các xã", { text: "", merge: "continue" }, ""],
      ["", "Ghi chú\n--------", "", ""],
    ]);
    expect(await text(await buildDocx(body))).toBe(
      `${[
        "| **TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Thời gian** |",
        "| **I** | **Nhóm nhiệm vụ thứ nhất** |  |  |",
        "| 1 | Xây dựng đề án A / B | Sở Nội vụ | Quý III/2025 |",
        "| 2 | Tổ chức tập huấn ở các xã | Sở Nội vụ |  |",
        "|  | Ghi chú |  |  |",
      ].join("\n")}\n`,
    );
  });

  it("reads members stored without compression", async () => {
    const { documentXml } = await import("../../scripts/lib/docx-builder");
    const bytes = await buildZip([{ name: "word/document.xml", data: documentXml(paragraph("Không nén")), stored: true }]);
    expect(await text(bytes)).toBe("Không nén\n");
  });

  it.each([
    ["yen-dung-45-NQ-TW.txt", yenDung, 11],
    ["lai-chau-7360-KH-UBND.md", laiChau, 9],
    ["nq57-chuong-trinh-hanh-dong-phu-luc-II.md", nq57, 140],
    ["dong-nai-179-KH-UBND.md", dongNai, 120],
  ])("a .docx of %s yields the same plan as its text", async (_name, source, tasks) => {
    const fromText = extractPlan(source);
    const fromDocx = extractPlan(await text(await docxFromText(source)));
    expect(fromDocx.tasks).toHaveLength(tasks);
    expect(fromDocx.tasks).toEqual(fromText.tasks);
    expect(fromDocx.targets).toEqual(fromText.targets);
    expect(fromDocx.header).toEqual(fromText.header);
  });
});

describe("readDocx: what it refuses", () => {
  const validDocx = () => buildDocx(paragraph("Nội dung"));

  it("not a zip", async () => {
    expect(await readDocx(new TextEncoder().encode("Đây là văn bản thường, không phải .docx"))).toEqual({
      ok: false,
      problem: "not_zip",
    });
    expect(await readDocx(new Uint8Array())).toEqual({ ok: false, problem: "not_zip" });
  });

  it("an old .doc or a password-protected .docx (OLE container)", async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await readDocx(ole)).toEqual({ ok: false, problem: "legacy_or_protected" });
  });

  it("a broken archive: truncated, or garbage after the signature", async () => {
    const bytes = await validDocx();
    expect(await readDocx(bytes.slice(0, Math.floor(bytes.length / 2)))).toEqual({ ok: false, problem: "corrupt" });
    const garbage = new Uint8Array(200).fill(0x41);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await readDocx(garbage)).toEqual({ ok: false, problem: "corrupt" });
  });

  it("damaged compressed data", async () => {
    const bytes = await validDocx();
    // Overwrite the deflate stream of the document part (after its local header) with junk.
    const at = new TextDecoder("latin1").decode(bytes).indexOf("word/document.xml") + "word/document.xml".length;
    bytes.fill(0xff, at, at + 40);
    expect(await readDocx(bytes)).toEqual({ ok: false, problem: "corrupt" });
  });

  it("a zip that is not a Word document", async () => {
    const xlsx = await buildZip([{ name: "xl/workbook.xml", data: "<workbook/>" }]);
    expect(await readDocx(xlsx)).toEqual({ ok: false, problem: "no_document" });
  });

  it("an encrypted member", async () => {
    const bytes = await buildZip([{ name: "word/document.xml", data: "<w:document/>" }], { encrypt: true });
    expect(await readDocx(bytes)).toEqual({ ok: false, problem: "encrypted" });
  });

  it("a zip bomb: stops inflating at the limit even when the directory understates the size", async () => {
    const big = paragraph("x".repeat(200_000));
    const honest = await buildDocx(big);
    expect(honest.length).toBeLessThan(5_000);
    expect(await readDocx(honest, 100_000)).toEqual({ ok: false, problem: "too_large" });
    const lying = await buildDocx(big, { understateSizes: true });
    expect(await readDocx(lying, 100_000)).toEqual({ ok: false, problem: "too_large" });
    expect((await readDocx(lying)).ok).toBe(true);
  });
});

describe("readDocx: hostile files are refused, in time linear in their size", () => {
  // Each kind at a size and ten times that size: a parser that backtracks or keeps every
  // open element would take minutes or hundreds of MB on the larger one; this one refuses both.
  it.each([
    ["an unclosed <w:num> repeated in numbering.xml", "unclosedNum", 10_000, "too_large"],
    ["an unclosed comment", "unclosedComment", 100_000, "corrupt"],
    ["paragraphs nested in each other", "nestedParagraphs", 300_000, "too_large"],
    ["an unclosed tag", "unclosedTag", 100_000, "corrupt"],
  ] as const)("%s", async (_what, kind, size, problem) => {
    expect(await readDocx(await hostileDocx(kind, size))).toEqual({ ok: false, problem });
    expect(await readDocx(await hostileDocx(kind, size * 10))).toEqual({ ok: false, problem });
  });

  it("a DOCTYPE (entity declarations) is refused", async () => {
    const bytes = await buildZip([
      { name: "word/document.xml", data: '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w:document>&a;</w:document>' },
    ]);
    expect(await readDocx(bytes)).toEqual({ ok: false, problem: "corrupt" });
  });

  it("a 1 MB deflate bomb that claims 100 bytes stops at the limit", async () => {
    const bomb = deflateBomb(160 * 1024 * 1024);
    expect(bomb.length).toBeGreaterThan(1_000_000);
    const bytes = await buildZip([{ name: "word/document.xml", data: bomb, deflated: { claimedSize: 100 } }]);
    expect(await readDocx(bytes)).toEqual({ ok: false, problem: "too_large" });
  });

  it("a 1 MB bomb that inflates to 1 GB (deflate's densest) stops at the limit, as too large", async () => {
    const bomb = denseDeflateBomb(1024 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1_100_000);
    const bytes = await buildZip([{ name: "word/document.xml", data: bomb, deflated: { claimedSize: 100 } }]);
    expect(await readDocx(bytes)).toEqual({ ok: false, problem: "too_large" });
  });

  it("the dense bomb builder makes real deflate (a small one inflates to its size)", async () => {
    const bytes = await buildZip([{ name: "word/document.xml", data: denseDeflateBomb(10_000), deflated: { claimedSize: 100 } }]);
    expect(await readDocx(bytes, 9_000)).toEqual({ ok: false, problem: "too_large" });
    expect(await readDocx(bytes, 20_000)).toEqual({ ok: true, text: "\n" });
  });

  it("the bomb builder makes real deflate (a small one inflates to its size)", async () => {
    const bytes = await buildZip([{ name: "word/document.xml", data: deflateBomb(10_000), deflated: { claimedSize: 100 } }]);
    expect(await readDocx(bytes, 9_000)).toEqual({ ok: false, problem: "too_large" });
    expect(await readDocx(bytes, 20_000)).toEqual({ ok: true, text: "\n" }); // spaces only
  });
});
