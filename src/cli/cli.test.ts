// The executable itself, as a script or a CI job calls it.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { VERSION } from '../engine/version.ts'

const bin = resolve(__dirname, '../../bin/kubehop')
const kubehop = (args: string[], input?: string) => spawnSync(bin, args, { input, encoding: 'utf8', timeout: 60_000 })

describe('bin/kubehop', () => {
  it('prints its version and help', () => {
    expect(kubehop(['--version']).stdout).toBe(`kubehop ${VERSION}\n`)
    const help = kubehop(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('kubehop run [--seed N] [--json] FILE')
  })

  it('exits 2 on usage errors and unreadable files', () => {
    const missing = kubehop(['run', '/nonexistent/script.sh'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('cannot read "/nonexistent/script.sh"')
    expect(kubehop(['frobnicate']).status).toBe(2)
    expect(kubehop(['run', '--seed', 'x', '-']).status).toBe(2)
  })

  it('runs a script from standard input and exits 0 whatever the commands returned', () => {
    const result = kubehop(['run', '-'], 'kubectl get pods -n nope\nkind get nodes\n')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('$ kubectl get pods -n nope\nNo resources found in nope namespace.\n$ kind get nodes\nkind-control-plane\nkind-worker\nkind-worker2\n')
  })

  it('prints JSON Lines with --json', () => {
    const result = kubehop(['run', '--json', '-'], 'kubectl get svc nope\n')
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toEqual([{ command: 'kubectl get svc nope', exitCode: 1, stdout: '', stderr: 'Error from server (NotFound): services "nope" not found\n', traces: [] }])
  })
})
