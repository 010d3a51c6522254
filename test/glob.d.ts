/** Vite's import.meta.glob, as the layering test uses it (eager, one export of each file). */
interface ImportMeta {
  glob<T>(patterns: string | string[], options: { query?: string; import?: string; eager: true }): Record<string, T>;
}
