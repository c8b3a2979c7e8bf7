// `npm run bench`: kubehop's figures, printed as a table with the machine they were measured on.
//   npx tsx bench/run.ts [--engine-only] [--json]
// Figures, not pass/fail tests: the exit status is 0 whatever they are. Targets from issues 3 and 7 sit
// beside the figures they apply to. Browser figures plug in through bench/browser.ts.
import os from 'node:os'
import { engineFigures } from './engine.ts'
import { browserFigures } from './browser.ts'
import { hostileFigures } from './hostile.ts'
import type { Figure, FigureSource } from './figures.ts'

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

async function runAll(sources: FigureSource[]): Promise<Figure[]> {
  const out: Figure[] = []
  for (const s of sources) {
    try {
      out.push(...(await s.run()))
    } catch (err) {
      console.error(`bench: ${s.name} failed: ${(err as Error)?.stack ?? String(err)}`)
      out.push({ group: 'error', name: s.name, value: NaN, unit: 'ms', note: String((err as Error)?.message ?? err).slice(0, 120) })
    }
  }
  return out
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json')
  const sources = process.argv.includes('--engine-only') ? [...engineFigures, ...hostileFigures] : [...engineFigures, ...hostileFigures, ...browserFigures]
  const started = performance.now()
  const figures = await runAll(sources)
  if (json) {
    console.log(JSON.stringify({ machine: machine(), date: new Date().toISOString(), figures }, null, 2))
    return
  }
  console.log(`kubehop benchmark — ${machine()}`)
  console.log(`(npm run bench; ${((performance.now() - started) / 1000).toFixed(1)} s in all)\n`)
  console.log(table(figures))
  if (!browserFigures.length && !process.argv.includes('--engine-only')) console.log('\nBrowser figures: none registered yet (bench/browser.ts).')
}

main().then(() => process.exit(0), (err) => {
  console.error(err)
  process.exit(0)
})
