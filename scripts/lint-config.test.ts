// The lint gates npm test relies on, checked against eslint.config.js itself: an explicit any fails in the
// engine and the shell (not in their tests), and the engine may still not import UI code.
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') })
const rulesHit = async (filePath: string, text: string) =>
  (await eslint.lintText(text, { filePath }))[0].messages.map((m) => m.ruleId)

describe('eslint.config.js', () => {
  it('rejects an explicit any in src/engine and src/shell', async () => {
    expect(await rulesHit('src/engine/controllers/probe.ts', 'export const f = (x: any) => x\n')).toContain('@typescript-eslint/no-explicit-any')
    expect(await rulesHit('src/shell/kubectl/probe.ts', 'export const v = 1 as any\n')).toContain('@typescript-eslint/no-explicit-any')
  })

  it('accepts the same code with unknown, and an any in a test file', async () => {
    expect(await rulesHit('src/engine/controllers/probe.ts', 'export const f = (x: unknown) => x\n')).toEqual([])
    expect(await rulesHit('src/engine/controllers/probe.test.ts', 'export const f = (x: any) => x\n')).not.toContain('@typescript-eslint/no-explicit-any')
  })

  it('keeps UI libraries out of the engine', async () => {
    expect(await rulesHit('src/engine/network/probe.ts', "import 'react'\n")).toContain('no-restricted-imports')
  })
})
