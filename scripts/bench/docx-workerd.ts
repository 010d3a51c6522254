/**
 * A zip bomb in workerd (issue 18, item 2): the CPU time and memory the
 * worker's own workerd spends reading a hostile .docx, beside reading the
 * reference plan's .docx in the same run. CPU from /proc (cpu.ts); memory as
 * the process's peak resident set (VmHWM) over its resident set before the
 * file, so the figure is what that one file added.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildZip, deflateBomb, denseDeflateBomb, docxFromText } from "../lib/docx-builder";
import { startWranglerDev } from "../lib/wrangler";
import { cpuNs } from "./cpu";

const STATE = ".wrangler/bench-docx";
const PLANS = resolve(fileURLToPath(import.meta.url), "../../../../shared/plans");

function memoryKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
}

export async function docxWorkerdBenchmark(): Promise<string> {
  const reference = await docxFromText(readFileSync(resolve(PLANS, "yen-dung-45-NQ-TW.txt"), "utf8"));
  const cases: [string, () => Promise<Uint8Array>][] = [
    ["the reference plan (.docx)", async () => reference],
    [
      "deflate bomb → 160 MB, claims 100 B",
      () => buildZip([{ name: "word/document.xml", data: deflateBomb(160 * 1024 * 1024), deflated: { claimedSize: 100 } }]),
    ],
    [
      "dense deflate bomb → 1 GB, claims 100 B",
      () => buildZip([{ name: "word/document.xml", data: denseDeflateBomb(1024 * 1024 * 1024), deflated: { claimedSize: 100 } }]),
    ],
  ];
  const lines = [
    "| file | size | answer | workerd CPU | × reference | peak memory added |",
    "| --- | ---: | --- | ---: | ---: | ---: |",
  ];
  let baseline = Number.NaN;
  // A fresh workerd per file: VmHWM only ever grows, so each peak is its own.
  for (const [name, make] of cases) {
    const bytes = await make();
    const worker = await startWranglerDev({
      port: 8799,
      config: "scripts/bench/docx.wrangler.toml",
      persistTo: STATE,
      logFile: `${STATE}/docx.log`,
      healthPath: "/",
    });
    try {
      const pid = worker.workerdPid;
      if (pid === null) return "workerd not found: not measured (Linux /proc needed).";
      // Warm the isolate with a harmless read, so its start-up is not counted.
      await (await fetch(worker.url, { method: "POST", body: reference.slice() })).arrayBuffer();
      const rssBefore = memoryKb(pid, "VmRSS");
      const cpuBefore = cpuNs(pid);
      const response = await fetch(worker.url, { method: "POST", body: bytes.slice() });
      const answer = response.status === 200 ? JSON.stringify(await response.json()) : `HTTP ${response.status}`;
      const cpuMs = (cpuNs(pid) - cpuBefore) / 1e6;
      const peakMb = (memoryKb(pid, "VmHWM") - rssBefore) / 1024;
      if (Number.isNaN(baseline)) baseline = cpuMs;
      lines.push(
        `| ${name} | ${(bytes.length / 1024).toFixed(0)} KB | ${answer} | ${cpuMs.toFixed(0)} ms | ${(cpuMs / baseline).toFixed(1)} | ${Math.max(0, peakMb).toFixed(0)} MB |`,
      );
    } finally {
      await worker.stop();
    }
  }
  return lines.join("\n");
}

// Run alone: `npx tsx scripts/bench/docx-workerd.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  console.log(await docxWorkerdBenchmark());
}
