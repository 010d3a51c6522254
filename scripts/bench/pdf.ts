/**
 * PDF reading in workerd (`wrangler dev` of scripts/bench/pdf-worker.ts, the app's own
 * readPlanFile): the worker's CPU for each file, from /proc, median of several reads
 * after one warm-up, against the baseline of the same run: reading the reference plan
 * as a .docx. The first PDF also pays for loading pdf.js (shown apart). Hostile PDFs
 * must be refused within 1 s of CPU and far below the Worker's 128 MB: their peak
 * memory is the workerd process's high-water mark (reset before each file) over its
 * resident size before it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { docxFromText } from "../lib/docx-builder";
import { hostilePdf, type HostilePdf } from "../lib/pdf-writer";
import { freePort } from "../lib/free-port";
import { startWranglerDev } from "../lib/wrangler";
import { cpuNs } from "./cpu";
import { percentile } from "./stats";

const HERE = dirname(fileURLToPath(import.meta.url));
const PLANS = resolve(HERE, "../../../shared/plans");
const AIM_MS = 1000;
const MEMORY_LIMIT_MB = 128;

function kib(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

export async function pdfBenchmark(runs = 5): Promise<string> {
  const port = await freePort();
  const worker = await startWranglerDev({
    port,
    config: "scripts/bench/pdf.wrangler.toml",
    logFile: ".bench/pdf-worker.log",
    healthPath: "/",
  });
  try {
    const pid = worker.workerdPid;
    if (pid === null) return "(the worker's workerd process could not be found: CPU not measured)";
    const read = async (name: string, bytes: Uint8Array) => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
      } catch {
        /* not allowed: the peak is then the process's all-time one */
      }
      const rss = kib(pid, "VmRSS");
      const before = cpuNs(pid);
      const response = await fetch(`${worker.url}/?name=${encodeURIComponent(name)}`, { method: "POST", body: bytes });
      const answer = (await response.json()) as { ok: boolean; chars?: number; reason?: string };
      return { ms: (cpuNs(pid) - before) / 1e6, answer, peakMb: (kib(pid, "VmHWM") - rss) / 1024 };
    };
    const median = async (name: string, bytes: Uint8Array) => {
      const first = await read(name, bytes);
      const times: number[] = [];
      let peak = first.peakMb;
      for (let i = 0; i < runs; i++) {
        const r = await read(name, bytes);
        times.push(r.ms);
        peak = Math.max(peak, r.peakMb);
      }
      return { first, ms: percentile(times, 50), peak };
    };

    const docx = await docxFromText(readFileSync(resolve(PLANS, "yen-dung-45-NQ-TW.txt"), "utf8"));
    const baseline = await median("yen-dung-45-NQ-TW.docx", docx);
    const largest = "cp-116-NQ-CP-2026.pdf";
    const pdfBytes = new Uint8Array(readFileSync(resolve(PLANS, largest)));
    const pdf = await median(largest, pdfBytes);
    const lines = [
      `Baseline: reading the reference plan as .docx (${(docx.length / 1024).toFixed(0)} KB), ${baseline.ms.toFixed(1)} ms CPU in workerd.`,
      "",
      "| file | size | result | first read (loads pdf.js) | CPU, median of later reads | × baseline | peak memory over idle |",
      "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
      `| ${largest} | ${(pdfBytes.length / 1024).toFixed(0)} KB | ${pdf.first.answer.ok ? `${pdf.first.answer.chars} chars` : pdf.first.answer.reason} | ${pdf.first.ms.toFixed(0)} ms | ${pdf.ms.toFixed(0)} ms | ${(pdf.ms / baseline.ms).toFixed(1)} | ${pdf.peak.toFixed(0)} MB |`,
    ];
    const verdicts = [
      `A 1 MB PDF: ${pdf.ms.toFixed(0)} ms of CPU once pdf.js is loaded, ${pdf.first.ms.toFixed(0)} ms for the first (aim: under ${AIM_MS} ms) — ${Math.max(pdf.ms, pdf.first.ms) < AIM_MS ? "met" : "NOT met"}.`,
    ];
    const hostile: [string, HostilePdf][] = [
      ["stream inflating to 1 GB", "inflate_bomb"],
      ["5,000 pages", "many_pages"],
      ["arrays nested 200,000 deep", "deep_nesting"],
      ["20 MB of text operators in one content stream", "endless_content"],
    ];
    for (const [what, kind] of hostile) {
      const bytes = hostilePdf(kind);
      const r = await median(`${kind}.pdf`, bytes);
      lines.push(
        `| hostile: ${what} | ${(bytes.length / 1024).toFixed(0)} KB | ${r.first.answer.ok ? "NOT REFUSED" : r.first.answer.reason} | ${r.first.ms.toFixed(0)} ms | ${r.ms.toFixed(0)} ms | ${(r.ms / baseline.ms).toFixed(1)} | ${r.peak.toFixed(0)} MB |`,
      );
      const ok = !r.first.answer.ok && Math.max(r.ms, r.first.ms) < AIM_MS && r.peak < MEMORY_LIMIT_MB / 2;
      verdicts.push(`${what}: ${ok ? "refused within 1 s of CPU and under half of 128 MB" : "NOT within the aim"}.`);
    }
    return [...lines, "", ...verdicts].join("\n");
  } finally {
    await worker.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) console.log(await pdfBenchmark());
