import { describe, expect, it } from "vitest";
import { cycles, folderEdges, folderOf, importGraph, importSpecifiers, type Sources } from "./support/import-graph";

/**
 * What each top-level folder may import (README, "How it is built"). worker/
 * is the composition root: entry points, the Hono app and the webhooks, which
 * nothing imports. services/ is what the worker and the back office share:
 * the bindings, signed links, the outbox's delivery to the channels, the alert
 * run and the queue's jobs. web/ builds on bot/: it tells people in chat with
 * the bot's own texts and buttons. core/ imports nothing of the project.
 */
const allowed: Record<string, string[]> = {
  worker: ["web", "services", "bot", "db", "core"],
  web: ["services", "bot", "db", "core"],
  services: ["bot", "db", "core"],
  bot: ["db", "core"],
  db: ["core"],
  core: [],
  scripts: ["worker", "web", "services", "bot", "db", "core"],
  test: ["scripts", "worker", "web", "services", "bot", "db", "core"],
};

// Read at build time by Vite: the workers runtime has no file system.
const sources: Sources = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(["/{worker,web,services,bot,db,core,scripts,test}/**/*.{ts,tsx}", "!**/node_modules/**"], {
      query: "?raw",
      import: "default",
      eager: true,
    }),
  ).map(([path, text]) => [path.replace(/^\//, ""), text]),
);

// Tests read the corpus of plans beside the project (`?raw`); a vendor/ folder holds links to packages (core/pdf: pdf.js).
const graph = importGraph(sources, (path) => path.startsWith("../shared/") || path.includes("/vendor/"));

describe("the import reader", () => {
  it("reads every kind of import: type-only, re-exports, several lines, dynamic and in types", () => {
    const source = [
      'import { a } from "./a";',
      'import type { B } from "./b";',
      "import {",
      "  c,",
      "  type D,",
      '} from "./c";',
      'export type * from "./e";',
      'export { f } from "./f";',
      'import "./g";',
      // Split, so that this file's own text holds no dynamic import of "./h" or "./i".
      `const h = await ${"import"}("./h");`,
      `type I = typeof ${"import"}("./i");`,
      '// import { x } from "./commented-out"',
      "const s = \"import { y } from './in-a-string'\";",
      "export function from() {}",
      'export const j = "from";',
    ].join("\n");
    expect(importSpecifiers(source)).toEqual(["./a", "./b", "./c", "./e", "./f", "./g", "./h", "./i"]);
  });

  it("finds a cycle, however long and even through types only, and names its files", () => {
    const found = cycles(
      importGraph({
        "core/a.ts": 'import { b } from "./b";',
        "core/b.ts": 'import type { C } from "./sub/c";',
        "core/sub/c.ts": 'import type { A } from "../a";',
        "core/d.ts": 'import { a } from "./a";',
      }).edges,
    );
    expect(found).toEqual([["core/a.ts", "core/b.ts", "core/sub/c.ts", "core/a.ts"]]);
    expect(cycles(importGraph({ "db/x.ts": 'import { y } from "./y";', "db/y.ts": "" }).edges)).toEqual([]);
  });

  it("reports an import it cannot place, rather than missing an edge", () => {
    const { unresolved } = importGraph({ "bot/a.tsx": 'import { b } from "./missing";' });
    expect(unresolved).toEqual([{ file: "bot/a.tsx", specifier: "./missing" }]);
  });

  it("sees an import across folders", () => {
    const edges = folderEdges(importGraph({ "db/q.ts": 'import { x } from "../bot/x";', "bot/x.ts": "" }).edges);
    expect(edges.get("db")?.get("bot")).toBe("db/q.ts → bot/x.ts");
  });
});

describe("the project's imports", () => {
  it("reads the whole source tree", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(300);
    expect(sources["worker/index.ts"]).toContain("export default");
    expect(graph.unresolved).toEqual([]);
  });

  it("have no cycle between files", () => {
    expect(cycles(graph.edges).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("keep each folder to the layers it may use", () => {
    const folders = new Set(Object.keys(sources).map(folderOf));
    expect([...folders].filter((f) => !(f in allowed))).toEqual([]);
    const breaches: string[] = [];
    for (const [from, targets] of folderEdges(graph.edges)) {
      for (const [to, example] of targets) if (!allowed[from]?.includes(to)) breaches.push(`${from} → ${to} (${example})`);
    }
    expect(breaches).toEqual([]);
  });

  it("describe layers without a cycle between folders", () => {
    const layers = new Map(Object.entries(allowed));
    expect(cycles(layers)).toEqual([]);
  });
});
