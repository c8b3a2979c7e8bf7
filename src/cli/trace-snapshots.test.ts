// The TRACEs a learner reads (every hop's rule and sentence) for a few gallery scenarios, pinned in reviewed
// text files: a speed-up or refactor of the data plane must leave every hop and note exactly as it was.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { GALLERY_ROOT, loadScenario } from './scenarios.ts'
import { runScript } from './run-script.ts'
import type { Trace } from '../engine/trace/types.ts'

const PINNED = ['14-headless-dns', '15-nodeport-snat', '17-loadbalancer-on-kind', '19-ingress-host-and-path', '21-hostnetwork-and-hostport', '22-port-forward']

/** One block per TRACE: its command, endpoints and outcome, then a line per hop. */
function renderTraces(jsonLines: string): string {
  const out: string[] = []
  for (const line of jsonLines.trim().split('\n')) {
    const record = JSON.parse(line) as { command: string; traces: Trace[] }
    for (const t of record.traces) {
      out.push(`$ ${record.command}`, `TRACE ${t.from} → ${t.to}: ${t.outcome}; served by ${t.servedBy ?? '-'}; client seen as ${t.clientIPSeenByServer ?? '-'}`)
      for (const h of t.hops) {
        const nat = h.srcAfter !== h.src || h.dstAfter !== h.dst ? ` ⇒ ${h.srcAfter} → ${h.dstAfter}` : ''
        out.push(`  ${h.at} [${h.component}] ${h.action} ${h.src} → ${h.dst}${nat}`, ...(h.rule ? [`    rule: ${h.rule}`] : []), `    ${h.note}`)
      }
      out.push('')
    }
  }
  return out.join('\n')
}

describe('pinned traces', () => {
  for (const id of PINNED) {
    it(`${id}: every hop, rule and note as reviewed`, async () => {
      const scenario = loadScenario(join(GALLERY_ROOT, id))
      const { code, stdout } = runScript(join(GALLERY_ROOT, id, 'steps.sh'), scenario.meta.seed, true)
      expect(code).toBe(0)
      const text = renderTraces(stdout)
      expect(text).toContain('TRACE ')
      await expect(text).toMatchFileSnapshot(join(import.meta.dirname, 'trace-snapshots', `${id}.txt`))
    })
  }
})
