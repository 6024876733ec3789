/** Small measuring helpers for the benchmarks: wall time, CPU time, peak memory, formatting. */

export const MB = 1024 * 1024;

/** Samples the resident set size every `everyMs` (when the event loop is free) and keeps the peak. */
export class MemorySampler {
  peak = 0;
  private timer: NodeJS.Timeout | null = null;
  start(everyMs = 50): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    return this;
  }
  sample(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
  }
  reset(): void {
    this.peak = 0;
    this.sample();
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** The process's peak resident set since it started (worker threads included), in bytes. */
export function maxRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export interface Timing {
  seconds: number;
  /** CPU seconds (user + system) of the whole process, worker threads included */
  cpuSeconds: number;
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T } & Timing> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { value, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const fmt = {
  mb: (bytes: number) => `${(bytes / MB).toFixed(1)} MB`,
  rate: (bytes: number, s: number) => `${(bytes / MB / s).toFixed(2)} MB/s`,
  per: (n: number, s: number) => `${Math.round(n / s).toLocaleString("en-US")}/s`,
  s: (s: number) => `${s.toFixed(2)} s`,
  ms: (ms: number) => `${ms.toFixed(1)} ms`,
  int: (n: number) => n.toLocaleString("en-US"),
};

/** A plain text table: columns padded to their widest cell. */
export function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  return rows.map((r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** `--name value` from argv, or the default. */
export function flag(argv: string[], name: string, dflt: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v) || v < 0)
    throw new Error(`--${name} needs a non-negative number (got "${argv[i + 1] ?? ""}")`);
  return v;
}
