// Helpers for the network walkthrough tests: run a script and collect its transcript and traces, or run a tool in a pod.
import type { ShellSession } from '../session.ts'
import type { Trace } from '../../engine/trace/types.ts'

export function run(session: ShellSession, script: string) {
  const records = session.runScript(script)
  const text = records.map((r) => `$ ${r.source}\n${r.chunks.map((c) => c.text).join('')}`).join('')
  return { records, text, traces: records.flatMap((r) => r.traces as Trace[]), last: records[records.length - 1] }
}

export function inPod(session: ShellSession, pod: string, argv: string[], container = 'main') {
  const r = session.runCollected(argv, undefined, {}, { kind: 'pod', namespace: 'default', pod, container })
  return {
    out: r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''),
    err: r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
    code: r.exitCode, traces: r.traces as Trace[],
  }
}

