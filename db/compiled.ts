import { drizzle } from "drizzle-orm/d1";
import type { Placeholder } from "drizzle-orm";

/**
 * A query on the per-update path, built with Drizzle once per isolate and
 * then run as plain D1 SQL: building the query object and its SQL text again
 * on every update cost more CPU than running it. Only for selects of plain
 * columns (values come back as D1 gives them; JSON is parsed by the caller).
 */
export interface CompiledSelect<Row> {
  readonly text: string;
  readonly keys: (keyof Row & string)[];
  /** What the SQL binds, in order: a placeholder's name, or a value fixed in the query. */
  readonly params: ({ name: string } | { value: unknown })[];
}

/** Never executes anything: only turns builders into SQL text. */
const builder = drizzle({} as D1Database);

export function compileSelect<Row>(
  keys: (keyof Row & string)[],
  build: (db: typeof builder) => { toSQL(): { sql: string; params: unknown[] } },
): CompiledSelect<Row> {
  const { sql, params } = build(builder).toSQL();
  return {
    text: sql,
    keys,
    params: params.map((p) => (isPlaceholder(p) ? { name: p.name as string } : { value: typeof p === "boolean" ? Number(p) : p })),
  };
}

function isPlaceholder(p: unknown): p is Placeholder {
  return typeof p === "object" && p !== null && "name" in p && !("value" in p);
}

function bindCompiled<Row>(d1: D1Database, query: CompiledSelect<Row>, values: Record<string, unknown>): D1PreparedStatement {
  return d1.prepare(query.text).bind(...query.params.map((p) => ("name" in p ? (values[p.name] ?? null) : p.value)));
}

/** Rows of a statement run with `.raw()`, keyed like the select. */
function rowsOf<Row>(query: CompiledSelect<Row>, raw: unknown[][]): Row[] {
  return raw.map((values) => {
    const row: Record<string, unknown> = {};
    query.keys.forEach((key, i) => (row[key] = values[i]));
    return row as Row;
  });
}

export async function runCompiled<Row>(d1: D1Database, query: CompiledSelect<Row>, values: Record<string, unknown>): Promise<Row[]> {
  return rowsOf(query, await bindCompiled(d1, query, values).raw());
}
