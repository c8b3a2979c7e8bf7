// Import cycles are a design smell the type checker accepts (issue 16): this finds every cycle among the
// project's own modules, `import type` and `export … from` included, and exits 1 when there is one. It also exits 1
// when a file of one of the engine's listed layers imports a layer above it (tests and helpers excepted), cycle or not.
// Usage: tsx scripts/check-cycles.ts [DIR…]  (default: src)
import ts from 'typescript'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SOURCE = /\.(ts|tsx)$/

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourcesUnder(path)
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

// A relative specifier to the file it names (written with its extension here, but accept the usual forms).
function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = resolve(dirname(from), specifier)
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]
    .find((path) => SOURCE.test(path) && existsSync(path) && statSync(path).isFile())
}

/** Every file's local imports: static, type-only, re-exports and dynamic `import()` alike. */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = info.importedFiles.map((ref) => resolveLocal(file, ref.fileName)).filter((path): path is string => path !== undefined)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** The strongly connected components with more than one file (or a file importing itself), Tarjan's way. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: string[][] = []
  const visit = (node: string): void => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!))
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return cycles
}

/** One shortest loop through a component's first file, so the report names an edge to cut. */
export function exampleLoop(graph: Map<string, string[]>, component: string[]): string[] {
  const members = new Set(component)
  const start = component[0]
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length) {
    const node = queue.shift()!
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue
      if (next === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(previous.get(path[0])!)
        return [...path, start]
      }
      if (!previous.has(next)) {
        previous.set(next, node)
        queue.push(next)
      }
    }
  }
  return [start]
}

export function checkCycles(dirs: string[], root: string): { cycles: string[][]; report: string } {
  const graph = importGraph(dirs.flatMap((dir) => sourcesUnder(resolve(root, dir))))
  const cycles = findCycles(graph)
  const name = (path: string) => relative(root, path)
  const report = cycles.map((component) => `import cycle of ${component.length} files: ${component.map(name).join(', ')}\n  e.g. ${exampleLoop(graph, component).map(name).join(' → ')}`).join('\n')
  return { cycles, report }
}

/** The engine's layers, bottom first: a file in one may import its own layer and those below, never one above. */
export const ENGINE_LAYERS = ['src/engine/api', 'src/engine/admission', 'src/engine/controllers', 'src/engine/cluster', 'src/engine/network']

/** Every import from a layer into one above it (tests and their testing.ts helpers, which wire layers together, excepted). */
export function upwardImports(dirs: string[], root: string, layers: string[]): string[] {
  const graph = importGraph(dirs.flatMap((dir) => sourcesUnder(resolve(root, dir))))
  const layerOf = (path: string) => layers.findIndex((layer) => relative(resolve(root, layer), path).split(/[\\/]/)[0] !== '..')
  const out: string[] = []
  for (const [file, targets] of graph) {
    if (/(\.test\.tsx?|[\\/]testing\.ts)$/.test(file)) continue
    const from = layerOf(file)
    if (from < 0) continue
    for (const target of targets) {
      const to = layerOf(target)
      if (to > from) out.push(`upward import: ${relative(root, file)} (${layers[from]}) imports ${relative(root, target)} (${layers[to]}, a layer above)`)
    }
  }
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const dirs = process.argv.slice(2)
  const { cycles, report } = checkCycles(dirs.length ? dirs : ['src'], root)
  const upward = upwardImports(dirs.length ? dirs : ['src'], root, ENGINE_LAYERS)
  if (cycles.length || upward.length) {
    console.error([report, ...upward].filter(Boolean).join('\n'))
    process.exit(1)
  }
  console.log(`import cycles: none; upward imports between ${ENGINE_LAYERS.map((l) => l.split('/').pop()).join(' → ')}: none`)
}
