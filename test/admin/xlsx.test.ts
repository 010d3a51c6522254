import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../core/report/csv";
import { buildWorkbook, crc32, excelSerial, uniqueSheetNames, writeZip } from "../../core/xlsx";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("core/xlsx", () => {
  it("checksums like every zip tool (CRC-32 of 123456789)", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("writes a zip that a reader opens, stored or deflated", async () => {
    for (const compress of [false, true]) {
      const zip = await writeZip([{ name: "a.txt", content: ["xin chào ", "Việt Nam"] }], { compress });
      const cfb = XLSX.CFB.read(zip, { type: "array" });
      const entry = XLSX.CFB.find(cfb, "a.txt")!;
      expect(text(entry.content as Uint8Array)).toBe("xin chào Việt Nam");
    }
  });

  it("builds a workbook read back cell by cell: Vietnamese text, numbers, dates as dd/mm/yyyy", async () => {
    const bytes = await buildWorkbook([
      {
        name: "Tổng hợp",
        columns: [
          { header: "Đơn vị", width: 30 },
          { header: "Số lượng", width: 10 },
          { header: "Hạn", width: 12 },
        ],
        rows: [
          ["Ban Tổ chức Huyện ủy", 12, { date: "2026-12-31" }],
          ["Đảng ủy xã Tiến Dũng & <Cảnh Thụy>", 0.5, null],
          ["dòng có ký tự lạ\u0001 vẫn mở được", null, { date: "1900-03-01" }],
        ],
      },
      { name: "Quá hạn", columns: [{ header: "STT", width: 5 }], rows: [] },
    ]);
    const wb = XLSX.read(bytes, { type: "array", cellNF: true, cellStyles: true });
    expect(wb.SheetNames).toEqual(["Tổng hợp", "Quá hạn"]);
    const ws = wb.Sheets["Tổng hợp"]!;
    expect(ws.A1.v).toBe("Đơn vị");
    expect(ws.A2.v).toBe("Ban Tổ chức Huyện ủy");
    expect(ws.B2.v).toBe(12);
    expect(ws.C2.v).toBe(excelSerial("2026-12-31"));
    expect(ws.C2.z).toBe("dd/mm/yyyy");
    expect(ws.C2.w).toBe("31/12/2026");
    expect(ws.A3.v).toBe("Đảng ủy xã Tiến Dũng & <Cảnh Thụy>");
    expect(ws.B3.v).toBe(0.5);
    expect(ws.C3).toBeUndefined();
    expect(ws.A4.v).toBe("dòng có ký tự lạ vẫn mở được");
    expect(ws.C4.w).toBe("01/03/1900");
    expect(ws["!ref"]).toBe("A1:C4");
    expect(ws["!cols"]?.map((c) => c.width)).toEqual([30, 10, 12]);
  });

  it("freezes the header row, styles it, filters it", async () => {
    const bytes = await buildWorkbook([{ name: "S", columns: [{ header: "A", width: 5 }], rows: [["x"]] }], { compress: false });
    const xml = text(bytes);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<c r="A1" s="1" t="inlineStr">');
    expect(xml).toContain('<autoFilter ref="A1:A2"/>');
    expect(xml).toContain('<col min="1" max="1" width="5" customWidth="1"/>');
  });

  it("makes sheet names Excel accepts: 31 characters, no []:*?/\\, unique", () => {
    expect(
      uniqueSheetNames([
        "Ủy ban MTTQ [huyện]: 2026/5",
        "Đảng ủy xã An Bình thuộc Huyện ủy Yên Dũng",
        "Đảng ủy xã An Bình thuộc Huyện ủy Yên Dũng",
        "",
      ]),
    ).toEqual(["Ủy ban MTTQ huyện 2026 5", "Đảng ủy xã An Bình thuộc Huyện", "Đảng ủy xã An Bình thuộc Hu (2)", "Sheet4"]);
  });

  it("writes CSV with a byte-order mark, quoted where needed, formulas defused", () => {
    const csv = toCsv(
      ["Đơn vị", "Ghi chú"],
      [
        ["Ban Tổ chức", 'có "ngoặc", dấu phẩy\nvà xuống dòng'],
        ["=SUM(A1)", null],
      ],
    );
    expect(csv).toBe('\uFEFFĐơn vị,Ghi chú\r\nBan Tổ chức,"có ""ngoặc"", dấu phẩy\nvà xuống dòng"\r\n\'=SUM(A1),\r\n');
  });
});
