/**
 * Plan extraction speed on the real documents in ../shared/plans, in Node:
 * median of several runs after warm-up, beside a baseline measured on the
 * same text in the same run (foldText: one normalisation pass over every
 * character), so the figures read as ratios on any machine. The .docx column
 * reads a .docx built from the same document (as an office would send it).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readDocx } from "../../core/docx";
import { extractPlan } from "../../core/plan-import/extract";
import { foldText } from "../../core/text/fold";
import { buildZip, deflateBomb, docxFromText, hostileDocx } from "../lib/docx-builder";
import { formatMs, percentile } from "./stats";

const PLANS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/plans");
/** Issue 3's aim for the largest plan of the corpus (today Đồng Nai 179, 136 KB). */
const AIM_MS = 200;

async function median(run: () => unknown | Promise<unknown>, runs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

export async function parseBenchmark(runs = 25, warmup = 5): Promise<string> {
  if (!existsSync(PLANS)) return `(no documents: ${PLANS} not found)`;
  const files = readdirSync(PLANS)
    .filter((f) => /\.(md|txt)$/.test(f) && f !== "README.md")
    .sort();
  const lines = [
    "| document | size | tasks | extractPlan | .docx read | baseline: foldText | extractPlan × baseline |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const verdicts: string[] = [];
  let largest = { file: "", size: 0, parse: 0, ratio: 0 };
  for (const file of files) {
    const text = readFileSync(resolve(PLANS, file), "utf8");
    const docx = await docxFromText(text);
    const tasks = extractPlan(text).tasks.length;
    const parse = await median(() => extractPlan(text), runs, warmup);
    const read = await median(() => readDocx(docx), runs, warmup);
    const baseline = await median(() => foldText(text), runs, warmup);
    lines.push(
      `| ${file} | ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB | ${tasks} | ${formatMs(parse)} | ${formatMs(read)} | ${formatMs(baseline)} | ${(parse / baseline).toFixed(1)} |`,
    );
    const size = Buffer.byteLength(text);
    if (size > largest.size) largest = { file, size, parse, ratio: parse / baseline };
  }
  verdicts.push(
    `Largest plan (${largest.file}, ${(largest.size / 1024).toFixed(0)} KB): ${formatMs(largest.parse)} to extract, ${largest.ratio.toFixed(1)} × the baseline (aim: under ${AIM_MS} ms) — ${largest.parse < AIM_MS ? "met" : "NOT met"}.`,
  );
  return [...lines, "", ...verdicts, "", await hostileBenchmark(files, runs, warmup)].join("\n");
}

/**
 * Hostile .docx files (item 10) against reading the reference plan's .docx: each
 * must be refused in about the time a real plan takes, and a ten times larger one
 * in at most about ten times that (linear, not quadratic).
 */
async function hostileBenchmark(files: string[], runs: number, warmup: number): Promise<string> {
  const reference = files.find((f) => f.startsWith("yen-dung")) ?? files[0];
  if (!reference) return "";
  const docx = await docxFromText(readFileSync(resolve(PLANS, reference), "utf8"));
  const baseline = await median(() => readDocx(docx), runs, warmup);
  const lines = [`| hostile .docx | size | refused as | time | × reading ${reference} |`, "| --- | ---: | --- | ---: | ---: |"];
  const cases: [string, () => Promise<Uint8Array>][] = [
    ["unclosed <w:num> ×50k", () => hostileDocx("unclosedNum", 50_000)],
    ["unclosed <w:num> ×500k", () => hostileDocx("unclosedNum", 500_000)],
    ["unclosed <!-- ×300k", () => hostileDocx("unclosedComment", 300_000)],
    ["unclosed <!-- ×3M", () => hostileDocx("unclosedComment", 3_000_000)],
    ["nested <w:p> ×300k", () => hostileDocx("nestedParagraphs", 300_000)],
    ["nested <w:p> ×3M", () => hostileDocx("nestedParagraphs", 3_000_000)],
    [
      "deflate bomb → 160 MB",
      () => buildZip([{ name: "word/document.xml", data: deflateBomb(160 * 1024 * 1024), deflated: { claimedSize: 100 } }]),
    ],
  ];
  for (const [name, make] of cases) {
    const bytes = await make();
    const result = await readDocx(bytes);
    const time = await median(() => readDocx(bytes), Math.min(runs, 5), 1);
    lines.push(
      `| ${name} | ${(bytes.length / 1024).toFixed(1)} KB | ${result.ok ? "NOT REFUSED" : result.problem} | ${formatMs(time)} | ${(time / baseline).toFixed(1)} |`,
    );
  }
  return lines.join("\n");
}

// Run alone: `npx tsx scripts/bench/parse.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  console.log(await parseBenchmark());
}
