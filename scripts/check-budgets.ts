// Budgets CI enforces (issue 7): the engine and shell bundle no UI library, and the JavaScript the browser
// needs for the first paint stays under 500 KB gzipped. Run after `vite build`; exits 1 on a breach.
import { build } from 'esbuild'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = join(import.meta.dirname, '..')
const FIRST_PAINT_BUDGET = 500 * 1024
const UI_PACKAGES = /node_modules\/(react|react-dom|scheduler|@xyflow|zustand|monaco-editor|@monaco-editor|monaco-yaml|@xterm|elkjs)\//

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourcesUnder(path)
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : []
  })
}

async function engineWall(): Promise<string[]> {
  const entryPoints = [...sourcesUnder(join(root, 'src/engine')), ...sourcesUnder(join(root, 'src/shell'))]
  const result = await build({ entryPoints, bundle: true, write: false, metafile: true, platform: 'neutral', format: 'esm', outdir: 'out', logLevel: 'silent', mainFields: ['module', 'main'] })
  const ui = Object.keys(result.metafile.inputs).filter((input) => UI_PACKAGES.test(input))
  console.log(`engine+shell bundle: ${entryPoints.length} entry points, ${Object.keys(result.metafile.inputs).length} inputs, UI libraries: ${ui.length ? ui.join(', ') : 'none'}`)
  return ui.map((input) => `the engine bundle imports a UI library: ${input}`)
}

function firstPaint(): string[] {
  const dist = process.env.BUDGET_DIST ?? join(root, 'dist')
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  // What the browser fetches before it can paint: the entry module and the chunks it preloads.
  const urls = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1])
  let total = 0
  for (const url of urls) {
    const size = gzipSync(readFileSync(join(dist, url.replace(/^\//, '')))).length
    total += size
    console.log(`  ${relative(dist, join(dist, url))}: ${(size / 1024).toFixed(1)} KB gzipped`)
  }
  console.log(`first-paint JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${urls.length} files (budget ${FIRST_PAINT_BUDGET / 1024} KB)`)
  if (!urls.length) return ['no module script found in dist/index.html']
  return total > FIRST_PAINT_BUDGET ? [`first-paint JavaScript is ${(total / 1024).toFixed(1)} KB gzipped, over the ${FIRST_PAINT_BUDGET / 1024} KB budget`] : []
}

const failures = [...(await engineWall()), ...firstPaint()]
for (const f of failures) console.error(`budget exceeded: ${f}`)
process.exit(failures.length ? 1 : 0)
