/**
 * CPU time of a local process (Linux /proc), to report what an update costs
 * the worker's workerd beside the wall time a person waits.
 *
 * `cpuNs` sums the threads' on-CPU time from /proc/<pid>/task/<tid>/schedstat
 * (nanoseconds), so a single update can be attributed; `cpuTicks` is
 * utime + stime from /proc/<pid>/stat in clock ticks (`getconf CLK_TCK`,
 * usually 100 a second), which also counts threads that have exited. The
 * benchmark reports the first and checks it against the second over the run.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let clockTicks: number | undefined;
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** utime + stime of the process (all its threads, live or exited), in clock ticks. */
export function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // fields 14 and 15 of proc(5), counted from the state (3)
}

/** On-CPU time of the process's live threads, in nanoseconds; falls back to clock ticks. */
export function cpuNs(pid: number): number {
  try {
    let total = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        /* the thread exited meanwhile */
      }
    }
    return total;
  } catch {
    return (cpuTicks(pid) * 1e9) / ticksPerSecond();
  }
}

/**
 * CPU time of one process, attributed to named intervals: `start(name)` closes
 * the open interval (if any) and opens the next; `stop()` closes it. Time of
 * work a worker finishes after answering (waitUntil) lands in the interval
 * that was open, so close an interval only when the next request is sent or
 * after `settle`.
 */
export class CpuMeter {
  private open: { name: string; at: number } | null = null;
  readonly totals = new Map<string, { ns: number; count: number }>();
  private ticksAtStart: number;
  private nsAtStart: number;

  constructor(readonly pid: number | null) {
    this.ticksAtStart = pid === null ? 0 : cpuTicks(pid);
    this.nsAtStart = pid === null ? 0 : cpuNs(pid);
  }

  start(name: string): void {
    if (this.pid === null) return;
    const now = cpuNs(this.pid);
    this.close(now);
    this.open = { name, at: now };
  }

  stop(): void {
    if (this.pid === null) return;
    this.close(cpuNs(this.pid));
    this.open = null;
  }

  /** Drops what was measured so far (after a warm-up). */
  reset(): void {
    this.stop();
    this.totals.clear();
    if (this.pid !== null) {
      this.ticksAtStart = cpuTicks(this.pid);
      this.nsAtStart = cpuNs(this.pid);
    }
  }

  private close(now: number): void {
    if (!this.open) return;
    const t = this.totals.get(this.open.name) ?? { ns: 0, count: 0 };
    t.ns += now - this.open.at;
    t.count += 1;
    this.totals.set(this.open.name, t);
  }

  /** Mean CPU per interval of that name, ms; null when not measured. */
  perUpdateMs(name: string): number | null {
    const t = this.totals.get(name);
    return t && t.count > 0 ? t.ns / t.count / 1e6 : null;
  }

  /** Since construction or reset: CPU by schedstat and by /proc/<pid>/stat ticks, ms (a cross-check). */
  since(): { schedstatMs: number; statMs: number } | null {
    if (this.pid === null) return null;
    return {
      schedstatMs: (cpuNs(this.pid) - this.nsAtStart) / 1e6,
      statMs: ((cpuTicks(this.pid) - this.ticksAtStart) * 1000) / ticksPerSecond(),
    };
  }
}

/** Lets work a worker does after its answer (waitUntil) finish before its CPU time is read. */
export const settle = (ms = 25) => new Promise((resolve) => setTimeout(resolve, ms));
