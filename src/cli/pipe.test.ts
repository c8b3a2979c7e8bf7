// The CLI on a closed pipe ends as `seq 1 100000 | head -1` does: killed by SIGPIPE, nothing on stderr.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const bin = resolve(__dirname, '../../bin/kubehop')

describe('bin/kubehop into a closed pipe', () => {
  it('stops quietly, with the status seq gets from the shell', () => {
    // Far more than a pipe buffer holds, so the writer meets the closed pipe.
    const script = 'seq 1 300000'
    const r = spawnSync('bash', ['-c', `echo '${script}' | "${bin}" run - | head -1; echo "status \${PIPESTATUS[1]}" >&2`], { encoding: 'utf8', timeout: 120_000 })
    expect(r.stdout).toBe(`$ ${script}\n`)
    // 128 + SIGPIPE, as bash reports for `seq 1 100000 | head -1`; no EPIPE stack trace.
    expect(r.stderr).toBe('status 141\n')
  }, 120_000)
})
