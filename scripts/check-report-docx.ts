/**
 * `npm run check:docx [dir]`: writes a sample báo cáo in both layouts,
 * converts them with LibreOffice headless and prints what came out (pages,
 * PNG previews), so a person can look at the pages. Needs LibreOffice
 * (apt-get install libreoffice-writer-nogui) and poppler-utils.
 */
import { convertSampleReports, sofficePath } from "./lib/libreoffice-check";

const dir = process.argv[2] ?? "test-results/report-docx";
if (!sofficePath()) {
  console.log("LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui poppler-utils");
  process.exit(1);
}
for (const r of await convertSampleReports(dir)) {
  console.log(`${r.layout}: ${r.docx} → ${r.pdf}, ${r.pages} page(s); previews: ${r.pngs.join(", ")}`);
}
