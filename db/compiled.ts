import { drizzle } from "drizzle-orm/d1";
import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * A query on the per-update path, built with Drizzle once per isolate and
 * then run as plain D1 SQL: building the query object and its SQL text again
 * on every update cost more CPU than running it. Only for selects of plain
 * columns (values come back as D1 gives them; JSON is parsed by the caller).
 * Every column is named after its key, so rows come back keyed like the
 * select even from a batch (a join's two `id` columns would collide there).
 */
export interface CompiledSelect<Row> {
  readonly text: string;
  /** What the SQL binds, in order: a placeholder's name, or a value fixed in the query. */
  readonly params: ({ name: string } | { value: unknown })[];
  /** Only for typing: the rows this query gives. */
  readonly row?: Row;
}

type Field = SQLiteColumn | SQL | SQL.Aliased;
type Builder = ReturnType<typeof drizzle>;

/** Never executes anything: only turns builders into SQL text. */
const builder = drizzle({} as D1Database);

/** The fields, each named after its key in the result. */
function namedAfterKeys(fields: Record<string, Field>): Record<string, SQL.Aliased> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, sql`${field}`.as(key)]));
}

export function compileSelect<Row>(
  fields: Record<string, Field>,
  build: (db: Builder, named: Record<string, SQL.Aliased>) => { toSQL(): { sql: string; params: unknown[] } },
): CompiledSelect<Row> {
  const { sql: text, params } = build(builder, namedAfterKeys(fields)).toSQL();
  return {
    text,
    params: params.map((p) =>
      isPlaceholder(p) ? { name: p.name as string } : { value: typeof p === "boolean" ? Number(p) : p },
    ),
  };
}

function isPlaceholder(p: unknown): p is Placeholder {
  return typeof p === "object" && p !== null && "name" in p && !("value" in p);
}

/** The query bound to its values: run it alone (`runCompiled`) or in a batch, then read it with `compiledRows`. */
export function compiledStatement<Row>(
  d1: D1Database,
  query: CompiledSelect<Row>,
  values: Record<string, unknown>,
): D1PreparedStatement {
  return d1.prepare(query.text).bind(...query.params.map((p) => ("name" in p ? (values[p.name] ?? null) : p.value)));
}

export function compiledRows<Row>(_query: CompiledSelect<Row>, result: D1Result<unknown> | undefined): Row[] {
  return (result?.results ?? []) as Row[];
}

export async function runCompiled<Row>(
  d1: D1Database,
  query: CompiledSelect<Row>,
  values: Record<string, unknown>,
): Promise<Row[]> {
  return compiledRows(query, await compiledStatement(d1, query, values).all());
}
