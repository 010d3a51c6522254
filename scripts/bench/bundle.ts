/**
 * The worker as it would be uploaded: `wrangler deploy --dry-run --minify`
 * into a temporary directory, its size raw and gzipped (what the Workers
 * limit counts: 3 MiB gzip on the free plan; our own budget is 300 KiB), and
 * what makes it up, by package, from esbuild's metafile.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { quietWranglerEnv } from "../lib/wrangler";

const BUDGET_KIB = 300;

export async function bundleBenchmark(top = 8): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "bundle-"));
  try {
    const meta = join(out, "meta.json");
    const build = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", out, "--minify", "--metafile", meta], {
      env: quietWranglerEnv,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${build.stdout}\n${build.stderr}`);
    const files = readdirSync(out).filter((f) => f.endsWith(".js") || f.endsWith(".mjs") || f.endsWith(".wasm"));
    const bytes = files.map((f) => readFileSync(join(out, f)));
    const raw = bytes.reduce((n, b) => n + b.length, 0);
    const gzip = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);

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
      `${files.join(", ")}: ${kib(raw)} raw, **${kib(gzip)} gzip** — ${gzip / 1024 <= BUDGET_KIB ? "under" : "OVER"} the ${BUDGET_KIB} KiB gzip budget.`,
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
