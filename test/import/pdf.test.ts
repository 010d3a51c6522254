import { beforeAll, describe, expect, it } from "vitest";
import { loadPdfjs } from "../../core/pdf/pdfjs-module";
import { extractPlan } from "../../core/plan-import/extract";
import { readPlanFile } from "../../core/plan-import/source-file";
import { lastMessage } from "../support/fake-telegram";
import {
  encryptedPdf,
  type FontKind,
  hostilePdf,
  pdfOfPages,
  scannedPdf,
  type TextLine,
  textLines,
} from "../../scripts/lib/pdf-writer";
import { count, sendFile, yenDungCommittee } from "./support";

const read = (bytes: Uint8Array, name = "ke-hoach.pdf") =>
  readPlanFile({ name, mime: "application/pdf", size: bytes.length }, bytes);

/** Paragraphs come one a line with a blank line after each, as a Word document's text. */
const paragraphsOf = (text: string) => text.split("\n").filter((line) => line !== "");

const preamble = [
  "HUYỆN ỦY YÊN DŨNG",
  "KẾ HOẠCH",
  "Thực hiện chương trình công tác năm 2026 của Ban Thường vụ Huyện ủy",
  "Các cơ quan, đơn vị triển khai các nhiệm vụ trong bảng sau đây.",
];

/**
 * A task table as Word writes it into a PDF: cell by cell, row by row, 10-point text; the
 * number cell and the short cells are vertically centred in a row whose task wraps on two lines.
 */
function taskTable(top: number): TextLine[] {
  const at = (text: string, x: number, y: number): TextLine => ({ text, x, y, size: 10 });
  return [
    at("TT", 60, top),
    at("Nhiệm vụ", 100, top),
    at("Cơ quan chủ trì", 300, top),
    at("Cơ quan phối hợp", 410, top),
    at("Thời hạn", 510, top),
    at("1", 62, top - 30),
    at("Rà soát quy chế làm việc của", 100, top - 24),
    at("Ban Chấp hành nhiệm kỳ mới", 100, top - 36),
    at("Văn phòng Huyện ủy", 300, top - 30),
    at("Ban Tổ chức", 410, top - 30),
    at("Quý II/2026", 510, top - 30),
    at("2", 62, top - 60),
    at("Tập huấn cán bộ làm văn thư", 100, top - 60),
    at("Ban Tổ chức", 300, top - 60),
    at("Năm 2026", 510, top - 60),
  ];
}

// The test runner transforms pdf.js (1.6 MB) on its first import, which takes seconds on a busy
// machine: done here, so no update waits for it past the webhook's time limit.
beforeAll(async () => {
  await loadPdfjs();
}, 60_000);

describe("PDF plans: text read in the Worker, tables kept as rows", () => {
  it("reads lines in order and keeps each table row's cells together", async () => {
    const source = await read(pdfOfPages([[...textLines(preamble), ...taskTable(620)]]));
    expect(source).toMatchObject({ ok: true, kind: "pdf" });
    if (!source.ok) return;
    expect(paragraphsOf(source.text).slice(0, 4)).toEqual(preamble);
    expect(source.text).toContain("| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |");
    expect(source.text).toContain(
      "| 1 | Rà soát quy chế làm việc của Ban Chấp hành nhiệm kỳ mới | Văn phòng Huyện ủy | Ban Tổ chức | Quý II/2026 |",
    );
    expect(source.text).toContain("| 2 | Tập huấn cán bộ làm văn thư | Ban Tổ chức |  | Năm 2026 |");
  });

  it("keeps a table whole across a page break: header repeated, a cell cut by the break, a group row merged across", async () => {
    const at = (text: string, x: number, y: number): TextLine => ({ text, x, y, size: 10 });
    const header = (top: number) => [
      at("TT", 60, top),
      at("Nhiệm vụ", 100, top),
      at("Cơ quan chủ trì", 300, top),
      at("Thời hạn", 420, top),
    ];
    const first = [
      ...textLines(preamble),
      ...header(600),
      at("I. Hoàn thiện thể chế về công tác văn thư", 60, 580),
      at("1", 62, 560),
      at("Rà soát quy chế làm việc của", 100, 560),
      at("Văn phòng Huyện ủy", 300, 560),
      at("Quý II/2026", 420, 560),
    ];
    const second = [
      ...header(780),
      at("Ban Chấp hành nhiệm kỳ mới", 100, 760),
      at("2", 62, 740),
      at("Tập huấn văn thư", 100, 740),
    ];
    const source = await read(pdfOfPages([first, second]));
    if (!source.ok) throw new Error(source.reason);
    const rows = source.text.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| ---"));
    expect(rows).toEqual([
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |",
      "| I | Hoàn thiện thể chế về công tác văn thư |  |  |",
      "| 1 | Rà soát quy chế làm việc của Ban Chấp hành nhiệm kỳ mới | Văn phòng Huyện ủy | Quý II/2026 |",
      "| 2 | Tập huấn văn thư |  |  |",
    ]);
  });

  it("keeps a narrow justified cell whole when its words are spread wide, and rows of one-line cells apart", async () => {
    const at = (text: string, x: number, y: number): TextLine => ({ text, x, y, size: 10 });
    const rows = [
      ...textLines(preamble),
      at("TT", 60, 600),
      at("Nhiệm vụ", 100, 600),
      at("Cơ quan chủ trì", 300, 600),
      at("Thời hạn", 420, 600),
      at("1", 62, 560),
      at("Rà soát quy chế làm việc", 100, 566),
      at("của Ban Chấp hành", 100, 554),
      // A justified line of three words, each gap wider than a cell gap, then a wrapped one of two.
      at("Các", 300, 572),
      at("bộ", 330, 572),
      at("ở", 355, 572),
      at("Trung", 300, 560),
      at("ương,", 340, 560),
      at("Ủy ban nhân dân", 300, 548),
      at("Quý II/2026", 420, 560),
      at("2", 62, 530),
      at("Tập huấn văn thư", 100, 530),
      at("Ban Tổ chức", 300, 530),
      at("Năm 2026", 420, 530),
      at("3", 62, 518),
      at("Lập danh mục hồ sơ", 100, 518),
      at("Văn phòng", 300, 518),
      at("Quý IV/2026", 420, 518),
    ];
    const source = await read(pdfOfPages([rows]));
    if (!source.ok) throw new Error(source.reason);
    expect(source.text.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| ---"))).toEqual([
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |",
      "| 1 | Rà soát quy chế làm việc của Ban Chấp hành | Các bộ ở Trung ương, Ủy ban nhân dân | Quý II/2026 |",
      "| 2 | Tập huấn văn thư | Ban Tổ chức | Năm 2026 |",
      "| 3 | Lập danh mục hồ sơ | Văn phòng | Quý IV/2026 |",
    ]);
  });

  it("reads a sub-row under merged number and task cells as part of its row, its repeated lead said once", async () => {
    const at = (text: string, x: number, y: number): TextLine => ({ text, x, y, size: 10 });
    const rows = [
      ...textLines(preamble),
      at("TT", 60, 600),
      at("Nhiệm vụ", 100, 600),
      at("Cơ quan chủ trì", 300, 600),
      at("Thời hạn", 420, 600),
      at("1", 62, 560),
      at("Sơ kết việc lập hồ sơ", 100, 560),
      at("Văn phòng Huyện ủy", 300, 570),
      at("Quý II/2026", 420, 570),
      at("Văn phòng Huyện ủy", 300, 545),
      at("Tháng 12/2026", 420, 545),
      at("2", 62, 520),
      at("Tập huấn văn thư", 100, 520),
      at("Ban Tổ chức", 300, 520),
      at("Năm 2026", 420, 520),
    ];
    const source = await read(pdfOfPages([rows]));
    if (!source.ok) throw new Error(source.reason);
    expect(source.text.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| ---"))).toEqual([
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |",
      "| 1 | Sơ kết việc lập hồ sơ | Văn phòng Huyện ủy | Quý II/2026 Tháng 12/2026 |",
      "| 2 | Tập huấn văn thư | Ban Tổ chức | Năm 2026 |",
    ]);
  });

  it("keeps a centred header cell whole when its second line is wider than its first", async () => {
    const at = (text: string, x: number, y: number): TextLine => ({ text, x, y, size: 10 });
    const rows = [
      ...textLines(preamble),
      at("TT", 60, 600),
      at("Nhiệm vụ", 100, 600),
      at("Cơ quan chủ trì", 220, 600),
      at("Đơn vị phối hợp", 330, 606),
      // Its second line starts with a short run (a font change ends it) that ends before the first line begins.
      { text: "(", x: 318, y: 594, size: 10.5 },
      at("Bộ, ngành liên quan)", 323, 594),
      at("Thời hạn", 440, 600),
      at("1", 62, 570),
      at("Tập huấn văn thư", 100, 570),
      at("Ban Tổ chức", 220, 570),
      at("Văn phòng", 330, 570),
      at("Năm 2026", 440, 570),
    ];
    const source = await read(pdfOfPages([rows]));
    if (!source.ok) throw new Error(source.reason);
    expect(source.text.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| ---"))).toEqual([
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Đơn vị phối hợp (Bộ, ngành liên quan) | Thời hạn |",
      "| 1 | Tập huấn văn thư | Ban Tổ chức | Văn phòng | Năm 2026 |",
    ]);
  });

  it("starts a paragraph at each indented line, even after a line that reached the right edge", async () => {
    // 13-point glyphs half an em wide; first lines indented to x = 100, wrapped lines back at x = 72.
    const line = (text: string, x: number, i: number): TextLine => ({ text, x, y: 700 - 16 * i });
    const source = await read(
      pdfOfPages([
        [
          line("a) Xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ làm công tác đối ngoại", 100, 0),
          line("các cơ quan, đơn vị trong giai đoạn tới, bảo đảm chất lượng, hiệu quả.", 72, 1),
          line("b) Tổ chức sơ kết, tổng kết và báo cáo Ủy ban nhân dân tỉnh kết quả.", 100, 2),
          line("2. Sở Nội vụ phối hợp với Sở Ngoại vụ và các cơ quan chức năng hướng", 100, 3),
          line("dẫn, kiểm tra việc thực hiện.", 72, 4),
        ],
      ]),
    );
    if (!source.ok) throw new Error(source.reason);
    expect(paragraphsOf(source.text)).toEqual([
      "a) Xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ làm công tác đối ngoại các cơ quan, đơn vị trong giai đoạn tới, bảo đảm chất lượng, hiệu quả.",
      "b) Tổ chức sơ kết, tổng kết và báo cáo Ủy ban nhân dân tỉnh kết quả.",
      "2. Sở Nội vụ phối hợp với Sở Ngoại vụ và các cơ quan chức năng hướng dẫn, kiểm tra việc thực hiện.",
    ]);
  });

  it("reads a party plan's header set beside the motto: the committee under its parent, number, date, title", async () => {
    const at = (text: string, x: number, y: number): TextLine => ({ text, x, y });
    const source = await read(
      pdfOfPages([
        [
          at("ĐẢNG BỘ TỈNH AN HÒA", 60, 800),
          at("ĐẢNG CỘNG SẢN VIỆT NAM", 330, 800),
          at("ĐẢNG ỦY XÃ BÌNH MINH", 62, 784),
          at("*", 130, 770),
          at("Bình Minh, ngày 10 tháng 4 năm 2026", 320, 770),
          at("Số 12-KH/ĐU", 100, 756),
          at("KẾ HOẠCH", 260, 720),
          at("thực hiện Nghị quyết số 5-NQ/TU ngày 02/3/2026", 150, 704),
          at("về phát triển kinh tế số", 220, 688),
          at("-----", 270, 676),
          at("I. NHIỆM VỤ CỤ THỂ", 72, 650),
          at("1. Văn phòng Đảng ủy chủ trì hội nghị quán triệt trong tháng 5/2026.", 72, 630),
        ],
      ]),
    );
    if (!source.ok) throw new Error(source.reason);
    expect(extractPlan(source.text).header).toEqual({
      issuer: "ĐẢNG ỦY XÃ BÌNH MINH",
      number: "12-KH/ĐU",
      issued_on: "2026-04-10",
      implements: "Nghị quyết số 5-NQ/TU ngày 2/3/2026",
      title: "thực hiện Nghị quyết số 5-NQ/TU ngày 02/3/2026 về phát triển kinh tế số",
    });
  });

  it("drops running headers and page numbers", async () => {
    const page = (n: number) => [
      { text: "CÔNG BÁO/Số 277/Ngày 16-05-2026", x: 200, y: 805 },
      { text: String(50 + n), x: 520, y: 805 },
      ...textLines([`Nội dung trang ${n}: các cơ quan thực hiện nhiệm vụ được giao theo kế hoạch này.`], 72, 700),
      { text: `- ${n} -`, x: 290, y: 30 },
    ];
    const source = await read(pdfOfPages([page(1), page(2), page(3)]));
    if (!source.ok) throw new Error(source.reason);
    expect(source.text).not.toContain("CÔNG BÁO");
    expect(paragraphsOf(source.text)).toEqual(
      [1, 2, 3].map((n) => `Nội dung trang ${n}: các cơ quan thực hiện nhiệm vụ được giao theo kế hoạch này.`),
    );
  });

  it("recovers Times New Roman embedded without a ToUnicode map, and refuses a font it cannot read", async () => {
    const lines = [
      "Độc lập - Tự do - Hạnh phúc",
      "Ban Thường vụ Huyện ủy chỉ đạo các cơ quan thực hiện nghiêm kế hoạch này",
      "Văn phòng Huyện ủy chủ trì, phối hợp với Ban Tổ chức tham mưu trong quý II/2026",
    ];
    const pdf = (font: FontKind) => pdfOfPages([textLines(lines)], font);
    const unicode = await read(pdf("unicode"));
    const times = await read(pdf("times"));
    expect(times).toEqual(unicode);
    expect(times.ok && paragraphsOf(times.text)).toEqual(lines);
    expect(await read(pdfOfPages([textLines(lines)], "other", "ABCDEF+SomeOfficeFont"))).toEqual({
      ok: false,
      reason: "pdf_unreadable_font",
    });
  });

  it("refuses a scan, an encrypted file and a damaged one, each with its reason", async () => {
    expect(await read(scannedPdf())).toEqual({ ok: false, reason: "pdf_scanned" });
    expect(await read(encryptedPdf())).toEqual({ ok: false, reason: "pdf_encrypted" });
    const whole = pdfOfPages([textLines(preamble)]);
    expect(await read(whole.slice(0, 200))).toEqual({ ok: false, reason: "pdf_broken" });
  });

  // The CPU and memory each costs are measured in workerd by `npm run bench`; here, that each is refused.
  it.each(["inflate_bomb", "many_pages", "deep_nesting", "endless_content"] as const)(
    "refuses a hostile PDF: %s",
    async (kind) => {
      expect(await read(hostilePdf(kind))).toEqual({ ok: false, reason: "pdf_too_complex" });
    },
  );

  it("imports a PDF plan in chat: its table rows become tasks, nothing saved before review", async () => {
    const c = await yenDungCommittee();
    const bytes = pdfOfPages([[...textLines([...preamble, c.tag]), ...taskTable(560)]]);
    await sendFile(c.admin, "ke-hoach-2026.pdf", bytes, "application/pdf");
    const summary = (await lastMessage(c.admin.id)).text ?? "";
    expect(summary).toContain("Xem lại kế hoạch trước khi lưu");
    expect(summary).toContain("• 2 nhiệm vụ");
    expect(
      await count(
        "select count(*) n from plans where source_hash in (select source_hash from plan_imports where member_id = ?)",
        c.admin.memberId,
      ),
    ).toBe(0);
  });

  it("tells the admin in chat why a PDF is refused, and writes nothing", async () => {
    const c = await yenDungCommittee();
    await sendFile(
      c.admin,
      "ke-hoach.pdf",
      pdfOfPages([textLines(preamble)], "other", "ABCDEF+SomeOfficeFont"),
      "application/pdf",
    );
    expect((await lastMessage(c.admin.id)).text).toContain("phông chữ không kèm bảng mã");
    expect(await count("select count(*) n from plan_imports where member_id = ?", c.admin.memberId)).toBe(0);
  });
});
