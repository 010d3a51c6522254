/**
 * The worker as it would be uploaded: `wrangler deploy --dry-run --minify`
 * into a temporary directory, its size raw and gzipped (what the Workers
 * limit counts: 3 MiB gzip on the free plan; our own budget is 300 KiB), and
 * what makes it up, by package, from esbuild's metafile. The main module is what
 * every update loads; pdf.js is a module of its own, loaded on the first PDF
 * (wrangler.toml), so the budget is the main module's. For comparison, the same
 * build with pdf.js inlined (the additional-module rule removed).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { quietWranglerEnv } from "../lib/wrangler";

const BUDGET_KIB = 300;

/** Every module file wrangler wrote, by its path under `dir`. */
function moduleFiles(dir: string, under = ""): string[] {
  return readdirSync(join(dir, under)).flatMap((name) => {
    const path = under ? `${under}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) return moduleFiles(dir, path);
    return /\.(m?js|wasm)$/.test(name) ? [path] : [];
  });
}

function build(out: string, config?: string): void {
  const args = ["wrangler", "deploy", "--dry-run", "--outdir", out, "--minify", "--metafile", join(out, "meta.json")];
  if (config) args.push("--config", config);
  const run = spawnSync("npx", args, { env: quietWranglerEnv, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stdout}\n${run.stderr}`);
}

const sizes = (bytes: Buffer[]) => ({
  raw: bytes.reduce((n, b) => n + b.length, 0),
  gzip: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
});

/** The main module's size when pdf.js is inlined into it (the config without the additional-module rule). */
function inlinedSizes(): { raw: number; gzip: number } {
  const out = mkdtempSync(join(tmpdir(), "bundle-inline-"));
  const config = ".bench-wrangler-inline.toml";
  try {
    writeFileSync(
      config,
      readFileSync("wrangler.toml", "utf8")
        .split("\n")
        .filter((line) => !/^(base_dir|find_additional_modules|rules)\s*=/.test(line))
        .join("\n"),
    );
    build(out, config);
    return sizes(moduleFiles(out).map((f) => readFileSync(join(out, f))));
  } finally {
    rmSync(config, { force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

export async function bundleBenchmark(top = 8): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "bundle-"));
  try {
    const meta = join(out, "meta.json");
    build(out);
    const files = moduleFiles(out);
    const main = files.filter((f) => !f.includes("/"));
    const lazy = files.filter((f) => f.includes("/"));
    const { raw, gzip } = sizes(main.map((f) => readFileSync(join(out, f))));
    const lazySizes = sizes(lazy.map((f) => readFileSync(join(out, f))));
    const inlined = inlinedSizes();

    const byPackage = new Map<string, number>();
    const outputs = (
      JSON.parse(readFileSync(meta, "utf8")) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> }
    ).outputs;
    for (const output of Object.values(outputs)) {
      for (const [path, input] of Object.entries(output.inputs))
        byPackage.set(packageOf(path), (byPackage.get(packageOf(path)) ?? 0) + input.bytesInOutput);
    }
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    const rows = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    return [
      `Main module (what every update loads) ${main.join(", ")}: ${kib(raw)} raw, **${kib(gzip)} gzip** — ${gzip / 1024 <= BUDGET_KIB ? "under" : "OVER"} the ${BUDGET_KIB} KiB gzip budget.`,
      `PDF reader, a module of its own loaded on the first PDF (${lazy.join(", ") || "none"}): ${kib(lazySizes.raw)} raw, ${kib(lazySizes.gzip)} gzip. Upload in all: ${kib(raw + lazySizes.raw)} raw, ${kib(gzip + lazySizes.gzip)} gzip.`,
      `With pdf.js inlined into the main module instead: ${kib(inlined.raw)} raw, ${kib(inlined.gzip)} gzip.`,
      "",
      "| part (minified, before gzip) | size | share |",
      "| --- | ---: | ---: |",
      ...rows.map(([name, n]) => `| ${name} | ${kib(n)} | ${((n / raw) * 100).toFixed(0)} % |`),
    ].join("\n");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `node_modules/<pkg>` (or `@scope/pkg`), else the project's top folder. */
function packageOf(path: string): string {
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = path.slice(nm + "node_modules/".length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = path.replace(/^\.\.?\//, "").split("/");
  return parts.length > 1 ? `${parts[0]}/ (ours)` : path;
}

if (process.argv[1]?.endsWith("bundle.ts")) console.log(await bundleBenchmark());
