/**
 * Wraps a D1 binding and counts round trips (each statement executed on its
 * own, and each batch, is one). The webhook reports the count to benchmarks;
 * D1 latency, not CPU, dominates a chat update, so this is the figure to watch.
 */
export interface CountedD1 {
  d1: D1Database;
  roundTrips(): number;
  /**
   * Whether a write of the update's own went through (anything but the claim
   * bookkeeping in inbound_updates): an apology must then not say "nothing saved".
   */
  wrote(): boolean;
}

/** A statement that changes a table other than the update claims. */
const isOwnWrite = (query: string) => /^\s*(insert|update|delete|replace)\b/i.test(query) && !/\binbound_updates\b/i.test(query);

const UNWRAPPED = Symbol("unwrapped");
const EXECUTING_METHODS = new Set(["first", "run", "all", "raw"]);

export function countRoundTrips(d1: D1Database): CountedD1 {
  let count = 0;
  let wrote = false;
  const writes = new WeakSet<D1PreparedStatement>();
  const wrapStatement = (statement: D1PreparedStatement, write: boolean): D1PreparedStatement => {
    if (write) writes.add(statement);
    return new Proxy(statement, {
      get(target, property, receiver) {
        if (property === UNWRAPPED) return target;
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        if (property === "bind") {
          return (...args: unknown[]) => wrapStatement(value.apply(target, args), writes.has(target));
        }
        if (EXECUTING_METHODS.has(String(property))) {
          return async (...args: unknown[]) => {
            count++;
            const result = await value.apply(target, args);
            if (writes.has(target)) wrote = true;
            return result;
          };
        }
        return value.bind(target);
      },
    });
  };
  const unwrap = (statement: D1PreparedStatement) =>
    (statement as unknown as { [UNWRAPPED]?: D1PreparedStatement })[UNWRAPPED] ?? statement;
  const wrapped = new Proxy(d1, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "prepare") return (query: string) => wrapStatement(target.prepare(query), isOwnWrite(query));
      if (property === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          count++;
          const unwrapped = statements.map(unwrap);
          const results = await target.batch(unwrapped);
          if (unwrapped.some((s) => writes.has(s))) wrote = true;
          return results;
        };
      }
      if (property === "exec") {
        return (query: string) => {
          count++;
          return target.exec(query);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1: wrapped, roundTrips: () => count, wrote: () => wrote };
}
