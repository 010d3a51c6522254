/**
 * Wraps a D1 binding and counts round trips (each statement executed on its
 * own, and each batch, is one). The webhook reports the count to benchmarks;
 * D1 latency, not CPU, dominates a chat update, so this is the figure to watch.
 */
export interface CountedD1 {
  d1: D1Database;
  roundTrips(): number;
}

const UNWRAPPED = Symbol("unwrapped");
const EXECUTING_METHODS = new Set(["first", "run", "all", "raw"]);

export function countRoundTrips(d1: D1Database): CountedD1 {
  let count = 0;
  const wrapStatement = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, property, receiver) {
        if (property === UNWRAPPED) return target;
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        if (property === "bind") {
          return (...args: unknown[]) => wrapStatement(value.apply(target, args));
        }
        if (EXECUTING_METHODS.has(String(property))) {
          return (...args: unknown[]) => {
            count++;
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const unwrap = (statement: D1PreparedStatement) =>
    (statement as unknown as { [UNWRAPPED]?: D1PreparedStatement })[UNWRAPPED] ?? statement;
  const wrapped = new Proxy(d1, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "prepare") return (query: string) => wrapStatement(target.prepare(query));
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          count++;
          return target.batch(statements.map(unwrap));
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
  return { d1: wrapped, roundTrips: () => count };
}
