// What a benchmark figure is, how one is measured, and the registry `bench/run.ts` prints from.
import os from 'node:os'

export interface Figure {
  /** Section of the table: `engine`, `data plane`, `browser`, ... */
  group: string
  name: string
  value: number
  unit: 'ms' | 'µs' | 'MB' | 's' | 'fps' | 'KB' | '%' | 'count'
  /** The budget from the issue, as text (`≤ 0.1 ms`), when there is one. */
  target?: string
  /** Whether the figure meets `target` (left undefined when there is none). */
  withinTarget?: boolean
  note?: string
}

/** One benchmark: returns its figures (several when one setup yields many numbers). */
export type FigureSource = { name: string; run: () => Figure[] | Promise<Figure[]> }

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

/**
 * Wall time of `fn` in milliseconds, with its result and the CPU time this process spent meanwhile (on a
 * busy machine wall time includes waiting for a core; CPU time does not).
 */
export function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = fn()
  const ms = performance.now() - t0
  const c = process.cpuUsage(c0)
  return { ms, cpuMs: (c.user + c.system) / 1000, value }
}

export function budget(value: number, max: number, unit: string): Pick<Figure, 'target' | 'withinTarget'> {
  return { target: `≤ ${max} ${unit}`, withinTarget: value <= max }
}

export function machine(): string {
  const cpus = os.cpus()
  const model = cpus[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU'
  return `${model}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`
}

function fmt(f: Figure): string {
  const v = f.unit === 'µs' || f.value < 1 ? f.value.toFixed(3) : f.value < 100 ? f.value.toFixed(1) : f.value.toFixed(0)
  return `${v} ${f.unit}`
}

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [f.group, f.name, fmt(f), f.target ? `${f.target} ${f.withinTarget ? '✓' : '✗'}` : '', f.note ?? ''])
  const head = ['group', 'figure', 'value', 'target', 'note']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`
  return [line(head), `|${widths.map((w, i) => (i === 2 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n')
}
