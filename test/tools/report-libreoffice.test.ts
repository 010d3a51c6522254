import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertSampleReports, sofficePath } from "../../scripts/lib/libreoffice-check";

const soffice = sofficePath();
if (!soffice)
  console.warn(
    "LibreOffice (soffice) is not installed: the .docx conversion check is skipped (apt-get install libreoffice-writer-nogui).",
  );

describe.skipIf(!soffice)("báo cáo .docx in LibreOffice", () => {
  it("converts headless to a PDF in both layouts, Vietnamese intact", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bao-cao-"));
    // Enough units that the table by unit runs onto a second page with its header repeated.
    const converted = await convertSampleReports(dir, 40);
    for (const r of converted) {
      expect(r.pages).toBeGreaterThanOrEqual(2);
      const text = r.text.normalize("NFC");
      expect(text).toContain("BÁO CÁO");
      expect(text).toContain("TỒN TẠI, HẠN CHẾ");
      expect(text).toContain("Tỷ lệ cán bộ trẻ");
      expect(text).toContain("Chưa có số liệu");
      expect(text).toContain(r.layout === "party" ? "Đảng ủy xã Mẫu Số 40" : "Phòng chuyên môn số 40");
      expect(text).toContain("Nơi nhận:");
      expect(text).toContain(r.layout === "party" ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "Độc lập - Tự do - Hạnh phúc");
      // The page number: none on the first page, centred at the top from the second (NĐ 30).
      const page = (n: number) =>
        execFileSync("pdftotext", ["-f", String(n), "-l", String(n), r.pdf, "-"])
          .toString()
          .trim();
      expect(page(2).split("\n")[0]).toBe("2");
      expect(page(1).split("\n")[0]).not.toBe("1");
      // The unit table's header row repeats on the page it continues on.
      expect(text.split("Hoàn").length).toBeGreaterThan(4);
    }
  });
});
