/**
 * What D1 reports about a statement: rows it read (what billing counts) and
 * rows it returned. Reporting queries return these so the benchmark and the
 * logs can show the cost of a screen, not only its time.
 */
export interface StatementStats {
  name: string;
  rowsRead: number;
  rowsReturned: number;
  /** D1's own execution time for the statement (meta.duration), ms. */
  sqlMs: number;
}

export function statsOf(name: string, result: D1Result): StatementStats {
  return { name, rowsRead: result.meta.rows_read ?? 0, rowsReturned: result.results.length, sqlMs: result.meta.duration ?? 0 };
}
