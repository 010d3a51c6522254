/**
 * A small reader of the project's import graph, for the layering test: which
 * file imports which (relative specifiers only; packages are outside the graph),
 * the cycles among files, and the edges between top-level folders.
 *
 * It reads the text, not the types: `import type` and `export type … from`
 * are edges like any other (a type-only cycle still ties two files together
 * for whoever changes them), and so are `import("…")` expressions, including
 * `typeof import("…")` in types. Statements are recognised where a line
 * starts with `import` or `export` (how every file here is written), so a
 * specifier quoted in a comment or a string is not taken for an import.
 */

export type Sources = Record<string, string>;

const statement = /^[ \t]*(?:import|export)\b[^;'"`()=]*?\bfrom[ \t]*["']([^"']+)["']/gm;
const sideEffect = /^[ \t]*import[ \t]*["']([^"']+)["']/gm;
const dynamic = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The specifiers a file imports or re-exports, in order of appearance, each once. */
export function importSpecifiers(source: string): string[] {
  const found: Array<[number, string]> = [];
  for (const pattern of [statement, sideEffect, dynamic]) {
    for (const m of source.matchAll(pattern)) found.push([m.index, m[1]!]);
  }
  return [...new Set(found.sort((a, b) => a[0] - b[0]).map(([, s]) => s))];
}

const extensions = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function join(fromFile: string, specifier: string): string {
  const parts = fromFile.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    // Above the project root ("../shared/…") the ".." stays, so such paths are told apart from the project's own.
    if (part === ".." && parts.length > 0 && parts.at(-1) !== "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}

export interface ImportGraph {
  /** file → the files it imports (paths as the sources are keyed, e.g. "worker/app.ts"). */
  edges: Map<string, string[]>;
  /** Relative imports that name no file of the sources: the reader would miss an edge, so the test reports them. */
  unresolved: Array<{ file: string; specifier: string }>;
}

/**
 * The graph over the given files. A relative import of something outside them
 * (`?raw` documents, files of other folders not read) is unresolved unless
 * `outside(path)` says it is expected to lie outside.
 */
export function importGraph(sources: Sources, outside: (path: string) => boolean = () => false): ImportGraph {
  const edges = new Map<string, string[]>();
  const unresolved: ImportGraph["unresolved"] = [];
  for (const [file, text] of Object.entries(sources)) {
    const targets: string[] = [];
    for (const specifier of importSpecifiers(text)) {
      if (!specifier.startsWith(".")) continue;
      const base = join(file, specifier.replace(/\?.*$/, ""));
      const target = extensions.map((e) => base + e).find((p) => p in sources);
      if (target) targets.push(target);
      else if (!outside(base)) unresolved.push({ file, specifier });
    }
    edges.set(file, targets);
  }
  return { edges, unresolved };
}

/**
 * The cycles of a directed graph: each strongly connected component of more
 * than one node (or a node importing itself), given as one closed path
 * through it so the message names the files to untie.
 */
export function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node)) components.push(component);
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => closedPath(edges, new Set(component)));
}

/** A shortest path from the component's first node (alphabetically) back to itself, staying inside it. */
function closedPath(edges: Map<string, string[]>, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of edges.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** The top-level folder of a path ("bot/features/help.ts" → "bot"). */
export function folderOf(path: string): string {
  return path.split("/")[0]!;
}

/** Edges between top-level folders, each with one file edge that makes it (for the message). */
export function folderEdges(edges: Map<string, string[]>): Map<string, Map<string, string>> {
  const folders = new Map<string, Map<string, string>>();
  for (const [file, targets] of edges) {
    const from = folderOf(file);
    for (const target of targets) {
      const to = folderOf(target);
      if (to === from) continue;
      const out = folders.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${file} → ${target}`);
      folders.set(from, out);
    }
  }
  return folders;
}
