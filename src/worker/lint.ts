// Editor hints beyond the schema: consequences of the document in the running cluster that kubectl would
// accept silently (a Service whose selector matches no pod, a named targetPort no container declares,
// `externalTrafficPolicy: Local` where some node has no local endpoint). Pure: objects + snapshot in, markers out.
import type { KubeObject } from '../engine/api/types.ts'
import type { SourceRange } from '../engine/manifest/index.ts'
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { EditorMarker } from './protocol.ts'

export interface LintInput {
  file: string
  object: KubeObject
  locate(path: string): SourceRange | undefined
}

type Labels = Record<string, string>
interface ContainerPort { name?: string; containerPort: number; protocol?: string }
interface ServicePort { name?: string; port: number; targetPort?: number | string; nodePort?: number }

const matches = (selector: Labels, labels: Labels | undefined) =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v)

const isReady = (pod: KubeObject) =>
  (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')

const ports = (pod: KubeObject): ContainerPort[] =>
  ((pod.spec?.containers ?? []) as { ports?: ContainerPort[] }[]).flatMap((c) => c.ports ?? [])

export function lintDocuments(inputs: LintInput[], snapshot: ClusterSnapshot): EditorMarker[] {
  const out: EditorMarker[] = []
  const pods = snapshot.objects.filter((o) => o.kind === 'Pod' && !o.metadata.deletionTimestamp)
  const nodes = snapshot.objects.filter((o) => o.kind === 'Node')
  for (const { file, object, locate } of inputs) {
    if (object.kind !== 'Service') continue
    const spec = (object.spec ?? {}) as { selector?: Labels; ports?: ServicePort[]; type?: string; externalTrafficPolicy?: string }
    const add = (path: string, severity: EditorMarker['severity'], message: string) => {
      const r = locate(path) ?? locate('spec')
      if (r) out.push({ file, source: 'lint', severity, message, line: r.line, col: r.col, endLine: r.endLine, endCol: r.endCol })
    }
    const selector = spec.selector
    if (!selector || !Object.keys(selector).length) continue // no selector: Endpoints are managed by hand
    const selected = pods.filter((p) => p.metadata.namespace === object.metadata.namespace && matches(selector, p.metadata.labels))
    if (!selected.length) {
      const text = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',')
      add('spec.selector', 'warning', `No pod in namespace "${object.metadata.namespace}" matches the selector ${text}: the Service has no endpoints, and connections to it are refused.`)
      continue
    }
    ;(spec.ports ?? []).forEach((p, i) => {
      if (typeof p.targetPort !== 'string') return
      const missing = selected.filter((pod) => !ports(pod).some((cp) => cp.name === p.targetPort))
      if (missing.length) {
        add(`spec.ports[${i}].targetPort`, 'warning', `No container port is named "${p.targetPort}" in ${missing.length === selected.length ? 'any selected pod' : `${missing.length} of ${selected.length} selected pods (${missing.map((m) => m.metadata.name).join(', ')})`}: those pods are left out of the endpoints.`)
      }
    })
    if (spec.externalTrafficPolicy === 'Local' && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
      const withLocal = new Set(selected.filter(isReady).map((p) => p.spec?.nodeName as string))
      const without = nodes.map((n) => n.metadata.name).filter((n) => !withLocal.has(n))
      if (without.length) {
        add('spec.externalTrafficPolicy', 'info', `externalTrafficPolicy: Local — no ready local endpoint on ${without.join(', ')}: connections to the node port there are dropped (they hang).`)
      }
    }
  }
  return out
}
