import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPdfjs } from "../../core/pdf/pdfjs-module";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";
import { lastMessage } from "../support/fake-telegram";
import { postUpdate, textUpdate } from "../support/webhook";
import { buildZip, deflateBomb, denseDeflateBomb, docxFromText, hostileDocx } from "../../scripts/lib/docx-builder";
import { hostilePdf, scannedPdf } from "../../scripts/lib/pdf-writer";
import { count, sendFile, yenDungCommittee } from "./support";

const bytes = (...values: number[]) => new Uint8Array(values);
const withHead = (head: Uint8Array, size = 4096) => {
  const out = new Uint8Array(size).fill(0x20);
  out.set(head);
  return out;
};
const ascii = (text: string) => new TextEncoder().encode(text);

// The test runner transforms pdf.js (1.6 MB) on its first import, which takes seconds on a busy
// machine: done here, so no update waits for it past the webhook's time limit.
beforeAll(async () => {
  await loadPdfjs();
}, 60_000);

describe("files that are not a readable plan: a clear message each, nothing written", () => {
  const cases: [string, string, () => Promise<string | Uint8Array> | string | Uint8Array, string][] = [
    ["an empty file", "ke-hoach.txt", () => "", "Tệp trống"],
    ["a file of spaces", "ke-hoach.txt", () => "   \n\n  ", "Tệp trống"],
    ["a scanned PDF", "ke-hoach-scan.pdf", () => scannedPdf(), "là bản scan (ảnh chụp trang)"],
    ["a PDF cut short", "ke-hoach.pdf", () => withHead(ascii("%PDF-1.4\n%âãÏÓ\n")), "Tệp PDF bị hỏng"],
    ["a PDF renamed .docx", "ke-hoach.docx", () => withHead(ascii("%PDF-1.7\n")), "Tệp PDF bị hỏng"],
    ["a PDF of 5,000 pages", "ke-hoach.pdf", () => hostilePdf("many_pages"), "cấu trúc bất thường"],
    ["a PDF nested 200,000 deep", "ke-hoach.pdf", () => hostilePdf("deep_nesting"), "cấu trúc bất thường"],
    [
      "a photo sent as a file",
      "anh-chup.jpg",
      () => withHead(bytes(0xff, 0xd8, 0xff, 0xe0)),
      "Ảnh chụp hay bản scan không đọc được chữ",
    ],
    [
      "an image with no telling name",
      "tai-lieu",
      () => withHead(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)),
      "Ảnh chụp hay bản scan",
    ],
    [
      "a binary file named .txt",
      "du-lieu.txt",
      () => withHead(bytes(0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 0)),
      "không đọc được như văn bản",
    ],
    // Only .docx, .txt and .md are read: anything else is refused by its name, whatever is inside.
    ["a program", "du-lieu.bin", () => withHead(bytes(0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 0)), "chỉ đọc kế hoạch dạng .docx"],
    ["plain text named .html", "ke-hoach.html", () => yenDung, "chỉ đọc kế hoạch dạng .docx"],
    ["plain text named .exe", "ke-hoach.exe", () => yenDung, "chỉ đọc kế hoạch dạng .docx"],
    ["plain text with no extension", "ke-hoach", () => yenDung, "chỉ đọc kế hoạch dạng .docx"],
    ["a .docx renamed .html", "ke-hoach.html", () => docxFromText(yenDung), "chỉ đọc kế hoạch dạng .docx"],
    ["a .docx with no extension", "ke-hoach", () => docxFromText(yenDung), "chỉ đọc kế hoạch dạng .docx"],
    ["a name spoofed with a bidi override", "ke-hoach-\u202Etxt.exe", () => yenDung, "chỉ đọc kế hoạch dạng .docx"],
    [
      "text in a legacy encoding",
      "ke-hoach.txt",
      () => bytes(0x4b, 0xea, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68),
      "bảng mã cũ TCVN3/VNI",
    ],
    ["a file over 2 MB", "ke-hoach-lon.txt", () => "Nhiệm vụ. ".repeat(220_000), "lớn hơn 2 MB"],
    ["a broken .docx", "ke-hoach.docx", async () => (await docxFromText(yenDung)).slice(0, 2000), "Tệp .docx bị hỏng"],
    ["a .docx that is not an archive", "ke-hoach.docx", () => "không phải zip", "Tệp .docx bị hỏng"],
    [
      "an old Word .doc",
      "ke-hoach.doc",
      () => withHead(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)),
      "Tệp Word cũ (.doc)",
    ],
    [
      "a .docx with an unclosed <w:num> in its numbering",
      "ke-hoach.docx",
      () => hostileDocx("unclosedNum", 50_000),
      "quá lớn để đọc",
    ],
    ["a .docx with an unclosed comment", "ke-hoach.docx", () => hostileDocx("unclosedComment", 300_000), "Tệp .docx bị hỏng"],
    [
      "a .docx of 3 million nested paragraphs",
      "ke-hoach.docx",
      () => hostileDocx("nestedParagraphs", 3_000_000),
      "quá lớn để đọc",
    ],
    [
      "a 1 MB zip bomb that understates its size",
      "ke-hoach.docx",
      () => buildZip([{ name: "word/document.xml", data: deflateBomb(160 * 1024 * 1024), deflated: { claimedSize: 100 } }]),
      "quá lớn để đọc",
    ],
    [
      "a 1 MB zip bomb that inflates to 1 GB (issue 18: the generic apology in workerd)",
      "ke-hoach.docx",
      () => buildZip([{ name: "word/document.xml", data: denseDeflateBomb(1024 * 1024 * 1024), deflated: { claimedSize: 100 } }]),
      "quá lớn để đọc",
    ],
    ["a spreadsheet", "bang.xlsx", () => buildZip([{ name: "xl/workbook.xml", data: "<workbook/>" }]), "không phải văn bản Word"],
  ];

  it.each(cases)("%s", async (_what, name, make, message) => {
    const c = await yenDungCommittee();
    await sendFile(c.admin, name, await make());
    expect((await lastMessage(c.admin.id)).text).toContain(message);
    expect(await count("select count(*) n from plan_imports where member_id = ?", c.admin.memberId)).toBe(0);
    expect(await count("select count(*) n from conversations where member_id = ?", c.admin.memberId)).toBe(0);
  });

  // Not refused: the draft is kept and the admin types the tasks (test/import/typed-tasks.test.ts goes on from here).
  it("text with no tasks offers to type them, and writes nothing but the draft", async () => {
    const c = await yenDungCommittee();
    await sendFile(
      c.admin,
      "thu-moi.txt",
      "Kính gửi các đồng chí.\n\nMời dự hội nghị sơ kết vào 8 giờ sáng thứ Hai tại hội trường.",
    );
    const offer = (await lastMessage(c.admin.id)).text ?? "";
    expect(offer).toContain("chưa nhận ra nhiệm vụ nào");
    expect(offer).toContain("Tên nhiệm vụ | đơn vị chủ trì | đơn vị phối hợp | thời hạn");
    expect(
      await count("select count(*) n from plan_imports where member_id = ? and status = 'reviewing'", c.admin.memberId),
    ).toBe(1);
    expect(await count("select count(*) n from conversations where member_id = ?", c.admin.memberId)).toBe(1);
  });

  it("a photo", async () => {
    const c = await yenDungCommittee();
    const update = textUpdate(c.admin, "x");
    const { text: _t, entities: _e, ...message } = update.message!;
    await postUpdate({
      ...update,
      message: {
        ...message,
        photo: [{ file_id: "AgACphoto1", file_unique_id: "p1", width: 1280, height: 960, file_size: 200_000 }],
      },
    });
    expect((await lastMessage(c.admin.id)).text).toContain("Ảnh chụp hay bản scan không đọc được chữ");
  });

  it("a plan file's name is stored and shown without bidi controls", async () => {
    const c = await yenDungCommittee();
    await sendFile(c.admin, "ke\u202Ehoach\u2066 45\u200F.txt", `${yenDung}\n${c.tag}`);
    expect((await lastMessage(c.admin.id)).text).toContain("• 11 nhiệm vụ");
    const row = await env.DB.prepare("select file_name from plan_imports where member_id = ?")
      .bind(c.admin.memberId)
      .first<{ file_name: string }>();
    expect(row!.file_name).toBe("kehoach 45.txt");
  });

  it("keeps waiting for a plan after a wrong file sent to /nhapkh", async () => {
    const c = await yenDungCommittee();
    await postUpdate(textUpdate(c.admin, "/nhapkh"));
    await sendFile(c.admin, "scan.pdf", withHead(ascii("%PDF-1.4")));
    expect((await lastMessage(c.admin.id)).text).toContain("PDF");
    await sendFile(c.admin, "ke-hoach.txt", `${yenDung}\n${c.tag}`);
    expect((await lastMessage(c.admin.id)).text).toContain("• 11 nhiệm vụ");
  });
});
