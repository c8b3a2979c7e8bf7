import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { checkCycles, upwardImports } from './check-cycles.ts'

// Writes a throwaway source tree: { 'a.ts': "import …" }.
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('check-cycles', () => {
  it('accepts a layered tree', () => {
    const root = tree({
      'src/api/types.ts': 'export interface Config { a: string }\n',
      'src/controllers/c.ts': "import type { Config } from '../api/types.ts'\nexport const c = (x: Config) => x\n",
      'src/cluster/cluster.ts': "import { c } from '../controllers/c.ts'\nexport const run = c\n",
    })
    expect(checkCycles(['src'], root).cycles).toEqual([])
  })

  it('finds a cycle made only of type imports, and names a loop', () => {
    const root = tree({
      'src/controllers/controller.ts': "import type { ClusterConfig } from '../cluster/cluster.ts'\nexport type C = ClusterConfig\n",
      'src/cluster/cluster.ts': "import type { C } from '../controllers/controller.ts'\nexport interface ClusterConfig { c?: C }\n",
      'src/api/types.ts': 'export const unrelated = 1\n',
    })
    const { cycles, report } = checkCycles(['src'], root)
    expect(cycles).toEqual([[join(root, 'src/cluster/cluster.ts'), join(root, 'src/controllers/controller.ts')]])
    expect(report).toContain('import cycle of 2 files')
    expect(report).toContain('src/cluster/cluster.ts → src/controllers/controller.ts → src/cluster/cluster.ts')
  })

  it('follows re-exports, extensionless specifiers and dynamic imports through a longer loop', () => {
    const root = tree({
      'src/a.ts': "export * from './b'\n",
      'src/b.ts': "export { c } from './c.ts'\n",
      'src/c.ts': "export const c = () => import('./a.ts')\n",
      'src/d.ts': "import { c } from './c.ts'\nexport const d = c\n",
    })
    const { cycles } = checkCycles(['src'], root)
    expect(cycles).toHaveLength(1)
    expect(cycles[0].map((path) => path.slice(root.length + 1))).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts'])
  })

  it('names an import from a listed layer into one above it, even without a cycle; tests may cross', () => {
    const root = tree({
      'src/api/server.ts': "import type { Admit } from '../admission/admit.ts'\nexport type S = Admit\n",
      'src/api/server.test.ts': "import { admit } from '../admission/admit.ts'\nexport const t = admit\n",
      'src/admission/admit.ts': "import type { K } from '../api/types.ts'\nexport type Admit = K\nexport const admit = 1\n",
      'src/api/types.ts': 'export type K = string\n',
    })
    expect(checkCycles(['src'], root).cycles).toEqual([])
    expect(upwardImports(['src'], root, ['src/api', 'src/admission'])).toEqual(['upward import: src/api/server.ts (src/api) imports src/admission/admit.ts (src/admission, a layer above)'])
    expect(upwardImports(['src'], root, ['src/admission', 'src/api'])).toEqual(['upward import: src/admission/admit.ts (src/admission) imports src/api/types.ts (src/api, a layer above)'])
  })

  it('exits 1 on a cycle and 0 without one, as npm test runs it', () => {
    const script = join(import.meta.dirname, 'check-cycles.ts')
    const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx')
    const bad = tree({ 'src/self.ts': "import type { X } from './self.ts'\nexport type X = string\n" })
    const good = tree({ 'src/ok.ts': 'export type X = string\n' })
    const runIn = (root: string) => spawnSync(tsx, [script, join(root, 'src')], { encoding: 'utf8' })
    const failed = runIn(bad)
    expect(failed.status).toBe(1)
    expect(failed.stderr).toContain('self.ts')
    expect(runIn(good).status).toBe(0)
  })
})
