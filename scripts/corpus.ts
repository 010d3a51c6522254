/**
 * `npm run corpus [-- --plans DIR] [--only NAME] [--detail]`: scores the importer on every plan
 * of the corpus that has a hand-read answer (`expected/<name>.json`), in each form the corpus
 * holds it (.md, .txt, .docx, .pdf). Each file goes through what `npm run import -- FILE
 * --dry-run --json` runs; the corpus's own `score-import.mjs` scores it, so the figures are the
 * ones any measurement of the importer gives. Prints a line per file and the averages, and exits
 * 1 when a goal is missed: ≥ 0.95 recall, precision, lead and deadline on average, no plan
 * below 0.8 recall, each PDF within 0.05 of its text twin.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { extractionJson } from "../core/plan-import/dry-run";
import { extractPlan } from "../core/plan-import/extract";
import { readPlanFile } from "../core/plan-import/source-file";

const METRICS = ["recall", "precision", "lead", "deadline"] as const;
type Metric = (typeof METRICS)[number];
type Score = Record<Metric, number> & { gold: number; pred: number; matched: number; missed?: string[] };

const GOAL_AVERAGE = 0.95;
const GOAL_MIN_RECALL = 0.8;
const GOAL_PDF_GAP = 0.05;
const FORMS = [".md", ".txt", ".docx", ".pdf"];

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const plansDir = resolve(option("--plans") ?? join(import.meta.dirname, "..", "..", "shared", "plans"));
const only = option("--only");
const detail = args.includes("--detail");

if (!existsSync(join(plansDir, "expected"))) {
  console.error(`Không thấy thư mục kế hoạch mẫu: ${plansDir}/expected`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "corpus-"));
const names = readdirSync(join(plansDir, "expected"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => basename(f, ".json"))
  .filter((n) => !only || n.includes(only))
  .sort();

interface Row {
  name: string;
  form: string;
  score: Score;
  ms: number;
  error?: string;
}
const rows: Row[] = [];
for (const name of names) {
  for (const form of FORMS) {
    const file = join(plansDir, name + form);
    if (!existsSync(file)) continue;
    rows.push(await scoreFile(name, file));
  }
}

async function scoreFile(name: string, file: string): Promise<Row> {
  const form = extname(file).slice(1);
  const started = performance.now();
  const source = await readPlanFile(
    { name: basename(file), mime: null, size: statSync(file).size },
    new Uint8Array(readFileSync(file)),
  );
  const predicted = source.ok ? extractionJson(extractPlan(source.text)) : { tasks: [] };
  const ms = performance.now() - started;
  const predFile = join(work, `${name}.${form}.json`);
  writeFileSync(predFile, JSON.stringify(predicted));
  const out = execFileSync(
    process.execPath,
    [join(plansDir, "score-import.mjs"), join(plansDir, "expected", `${name}.json`), predFile],
    {
      encoding: "utf8",
      env: { ...process.env, ...(detail ? { SCORE_DETAIL: "1" } : {}) },
    },
  );
  return { name, form, score: JSON.parse(out) as Score, ms, ...(source.ok ? {} : { error: source.reason }) };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const num = (x: number) => x.toFixed(3);
console.log(
  `${pad("plan", 28)} ${pad("form", 5)} ${"gold".padStart(5)} ${"pred".padStart(5)} ${"found".padStart(5)}  recall precis.  lead  deadl.   ms`,
);
for (const r of rows) {
  const s = r.score;
  console.log(
    `${pad(r.name, 28)} ${pad(r.form, 5)} ${String(s.gold).padStart(5)} ${String(s.pred).padStart(5)} ${String(s.matched).padStart(5)}  ${METRICS.map((m) => num(s[m])).join("  ")} ${r.ms.toFixed(0).padStart(5)}${r.error ? `  refused: ${r.error}` : ""}`,
  );
  if (detail) console.log(`    ${JSON.stringify(s)}`);
}

const average = (list: Row[], metric: Metric) => list.reduce((sum, r) => sum + r.score[metric], 0) / Math.max(1, list.length);
const failures: string[] = [];
console.log("");
for (const metric of METRICS) {
  const avg = average(rows, metric);
  console.log(`average ${pad(metric, 9)} ${num(avg)} (goal ≥ ${GOAL_AVERAGE})`);
  if (avg < GOAL_AVERAGE) failures.push(`average ${metric} ${num(avg)} < ${GOAL_AVERAGE}`);
}
for (const r of rows) {
  if (r.score.recall < GOAL_MIN_RECALL) failures.push(`${r.name}.${r.form}: recall ${num(r.score.recall)} < ${GOAL_MIN_RECALL}`);
  if (r.form !== "pdf") continue;
  const twin = rows.find((t) => t.name === r.name && t.form !== "pdf");
  if (!twin) continue;
  for (const metric of METRICS) {
    const gap = Math.abs(r.score[metric] - twin.score[metric]);
    if (gap > GOAL_PDF_GAP)
      failures.push(`${r.name}.pdf: ${metric} ${num(r.score[metric])} vs ${twin.form} ${num(twin.score[metric])}`);
  }
}
console.log(
  `\n${rows.length} files from ${names.length} plans; ${failures.length === 0 ? "every goal met" : `${failures.length} goals missed:`}`,
);
for (const f of failures) console.log(`  ✗ ${f}`);
process.exitCode = failures.length === 0 ? 0 : 1;
