import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { reportDoc } from "../../core/plan-report/content";
import { reportDocx } from "../../core/plan-report/docx";
import { sampleReportData } from "./sample-report";

/** LibreOffice's binary, or null where it is not installed (CI installs only what .ci/run installs). */
export function sofficePath(): string | null {
  for (const path of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]) if (existsSync(path)) return path;
  return null;
}

export interface ConvertedReport {
  layout: "party" | "state";
  docx: string;
  pdf: string;
  pages: number;
  /** The PDF's text (pdftotext), to check Vietnamese came through. */
  text: string;
  /** PNG pages (pdftoppm), when poppler is installed. */
  pngs: string[];
}

/**
 * Writes a sample report in both layouts, converts each with LibreOffice
 * headless (as the office's Word or LibreOffice would open it) and reads the
 * PDF back. LibreOffice refuses or converts to nothing what it cannot open.
 */
export async function convertSampleReports(outDir: string, rows = 6): Promise<ConvertedReport[]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  mkdirSync(outDir, { recursive: true });
  const out: ConvertedReport[] = [];
  for (const layout of ["party", "state"] as const) {
    const docx = join(outDir, `bao-cao-mau-${layout}.docx`);
    writeFileSync(
      docx,
      await reportDocx(reportDoc(sampleReportData(layout, rows)), { modified: new Date("2025-07-05T03:00:00Z") }),
    );
    execFileSync(
      soffice,
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${join(outDir, "lo-profile")}`,
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        docx,
      ],
      {
        stdio: "pipe",
        timeout: 180_000,
      },
    );
    const pdf = docx.replace(/\.docx$/, ".pdf");
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${docx}`);
    const info = execFileSync("pdfinfo", [pdf]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
    const prefix = pdf.replace(/\.pdf$/, "");
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, prefix]);
    const pngs = readdirSync(outDir)
      .filter((f) => f.startsWith(`bao-cao-mau-${layout}-`) && f.endsWith(".png"))
      .map((f) => join(outDir, f))
      .sort();
    out.push({ layout, docx, pdf, pages, text, pngs });
  }
  return out;
}
