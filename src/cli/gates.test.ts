// The suite's gate on reviewed files: a test run never writes its own expectations. Vitest writes a missing
// toMatchFileSnapshot file and passes unless told not to (vite.config.ts: update 'none'); this runs the transcript
// tests, with the project's own config and without CI in the environment, on a copy of two scenarios whose
// transcripts were deleted and edited, and expects both to fail and nothing to be written.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { GALLERY_ROOT } from './scenarios.ts'

const REPO = resolve(import.meta.dirname, '../..')
const DELETED = '13-externalname'
const EDITED = '06-service-without-selector'

describe('reviewed transcripts are a gate', () => {
  it('a deleted or an edited transcript fails the scenario tests, and vitest writes nothing', () => {
    const copy = mkdtempSync(join(tmpdir(), 'kubehop-gallery-'))
    try {
      for (const id of [DELETED, EDITED]) cpSync(join(GALLERY_ROOT, id), join(copy, id), { recursive: true })
      unlinkSync(join(copy, DELETED, 'transcript.txt'))
      const edited = join(copy, EDITED, 'transcript.txt')
      const reviewed = readFileSync(edited, 'utf8')
      writeFileSync(edited, reviewed.replace('$ kubectl', '$ kubectl  '))
      // The environment of a developer's shell: no CI, no vitest of ours (its worker variables would confuse the child).
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'))
      const run = spawnSync(process.execPath, [join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', 'src/cli/scenarios.test.ts',
        '-t', 'matches its reviewed transcript', '--reporter=dot', '--no-color'], { cwd: REPO, env: { ...env, KUBEHOP_GALLERY: copy }, encoding: 'utf8' })
      const output = `${run.stdout}\n${run.stderr}`
      expect(run.status, output).toBe(1)
      expect(output).toMatch(/2 failed/)
      expect(output).toContain(`${DELETED} > matches its reviewed transcript`)
      expect(output).toContain(`${EDITED} > matches its reviewed transcript`)
      expect(existsSync(join(copy, DELETED, 'transcript.txt')), 'vitest wrote the missing transcript').toBe(false)
      expect(readFileSync(edited, 'utf8'), 'vitest rewrote the edited transcript').not.toBe(reviewed)
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
