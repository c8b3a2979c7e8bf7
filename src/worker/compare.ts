// Side by side: the same request on two copies of the cluster that differ in one Service field. Each copy is
// rebuilt by replaying the host's history (applies and console lines) with the same seed, so both start from
// exactly the cluster the learner sees; the Service is patched, then the request line runs on each.
import type { Trace } from '../engine/trace/types.ts'
import { EngineHost } from './engineHost.ts'
import type { CompareSide, CompareVariant } from './protocol.ts'

const VARIANTS: Record<CompareVariant, { label: string; spec: Record<string, unknown> }[]> = {
  externalTrafficPolicy: [
    { label: 'externalTrafficPolicy: Cluster', spec: { externalTrafficPolicy: 'Cluster' } },
    { label: 'externalTrafficPolicy: Local', spec: { externalTrafficPolicy: 'Local' } },
  ],
  sessionAffinity: [
    { label: 'sessionAffinity: None', spec: { sessionAffinity: 'None' } },
    { label: 'sessionAffinity: ClientIP', spec: { sessionAffinity: 'ClientIP' } },
  ],
}

/** A fresh host that went through the same history: the same cluster, the same random stream position. */
export function replay(source: EngineHost): EngineHost {
  const copy = new EngineHost(source.initialSeed)
  for (const step of source.history) {
    if (step.kind === 'apply') copy.apply(step.document)
    else if (step.kind === 'files') copy.setFiles(step.files)
    else if (step.kind === 'advance') copy.advance(step.seconds)
    else for (const record of copy.run(step.line)) void record
  }
  return copy
}

/** Runs `line` once per variant of `service` (`namespace/name`) on copies of `source`'s cluster. */
export function compareRuns(source: EngineHost, line: string, service: string, variant: CompareVariant): CompareSide[] {
  const [namespace, name] = service.includes('/') ? service.split('/') : ['default', service]
  return VARIANTS[variant].map(({ label, spec }) => {
    const copy = replay(source)
    const patch = `kubectl patch service ${name} -n ${namespace} -p '${JSON.stringify({ spec })}'`
    const traces: Trace[] = []
    let output = ''
    for (const record of copy.run(patch)) output += record.chunks.map((c) => c.text).join('')
    for (const record of copy.run(line)) {
      traces.push(...(record.traces as Trace[]))
      output += record.chunks.map((c) => c.text).join('')
    }
    return { label, patch, traces, output }
  })
}
