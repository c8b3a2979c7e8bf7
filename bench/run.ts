// `npm run bench`: kubehop's figures, printed as a table with the machine they were measured on.
//   npx tsx bench/run.ts [--engine-only] [--no-cli-scale] [--no-big-browser] [--json]
// Figures, not pass/fail tests: the exit status is 0 whatever they are. Targets from issues 3 and 7 sit
// beside the figures they apply to. Browser figures plug in through bench/browser.ts.
import { engineFigures } from './engine.ts'
import { browserFigures } from './browser.ts'
import { bigBrowserFigures } from './browser-big.ts'
import { hostileFigures } from './hostile.ts'
import { proxyModeFigures } from './proxy-modes.ts'
import { cliScaleFigures, load } from './cli-scale.ts'
import type { Figure, FigureSource } from './figures.ts'
import { machine, table } from './figures.ts'

export { machine, table }

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
  const cli = process.argv.includes('--no-cli-scale') ? [] : cliScaleFigures()
  const sources = process.argv.includes('--engine-only') ? [...engineFigures, ...proxyModeFigures, ...hostileFigures, ...cli] : [...engineFigures, ...proxyModeFigures, ...hostileFigures, ...cli, ...browserFigures, ...(process.argv.includes('--no-big-browser') ? [] : bigBrowserFigures)]
  const started = performance.now()
  const figures = await runAll(sources)
  if (json) {
    console.log(JSON.stringify({ machine: machine(), date: new Date().toISOString(), figures }, null, 2))
    return
  }
  console.log(`kubehop benchmark — ${machine()}; load average ${load()} (1 / 5 / 15 min) at the end`)
  console.log(`(npm run bench; ${((performance.now() - started) / 1000).toFixed(1)} s in all)\n`)
  console.log(table(figures))
  if (!browserFigures.length && !process.argv.includes('--engine-only')) console.log('\nBrowser figures: none registered yet (bench/browser.ts).')
}

if (process.argv[1]?.endsWith('bench/run.ts')) main().then(() => process.exit(0), (err) => {
  console.error(err)
  process.exit(0)
})
