// Editor hints beyond the schema: consequences of the document in the running cluster that kubectl would
// accept silently (a Service whose selector matches no pod, a named targetPort no container declares, a
// targetPort nothing listens on, `externalTrafficPolicy: Local` where some node has no local endpoint).
// Objects + the cluster's store in, markers out; it reads the store's lists (no sorted copy of the whole cluster).
import type { ReadonlyStore } from '../engine/api/store.ts'
import { compareObjects } from '../engine/api/store.ts'
import type { KubeObject } from '../engine/api/types.ts'
import { listeningPorts } from '../engine/apps/listening.ts'
import { containerFiles } from '../engine/apps/mounted-files.ts'
import { imageFiles } from '../engine/apps/registry.ts'
import { knownImage, registryAnswer } from '../engine/images/index.ts'
import type { SourceRange } from '../engine/manifest/index.ts'
import type { EditorMarker } from './protocol.ts'
import { selectFrom } from '../engine/controllers/informer.ts'
import { fromMap } from '../engine/api/labels.ts'

export interface LintInput {
  file: string
  object: KubeObject
  locate(path: string): SourceRange | undefined
}

type Labels = Record<string, string>
interface ContainerPort { name?: string; containerPort: number; protocol?: string }
interface ServicePort { name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string }

const isReady = (pod: KubeObject) =>
  (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')

const ports = (pod: KubeObject): ContainerPort[] =>
  ((pod.spec?.containers ?? []) as { ports?: ContainerPort[] }[]).flatMap((c) => c.ports ?? [])

/** The port a Service port reaches on `pod`: a number, a named containerPort resolved, else undefined (unresolved name). */
function resolveTarget(p: ServicePort, pod: KubeObject): number | undefined {
  const target = p.targetPort ?? p.port
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  return ports(pod).find((cp) => cp.name === target)?.containerPort
}

/** What a pod's containers listen on, by pod: a write replaces the pod's object, and the stamp is the revision of its
 * namespace's ConfigMaps and Secrets (a mounted nginx config says where it listens). An edit of one Deployment
 * reads only the pods it changed again, not every pod a Service selects (2,400 at 5,000 pods). */
const listeningOf = new WeakMap<KubeObject, { stamp: string; ports: { port: number; protocol: string }[] }>()

/** What the pod's containers listen on for `protocol` (their images' real ports, nginx's mounted config), as `8080/TCP`. */
function listening(pod: KubeObject, store: ReadonlyStore, stamp: string | undefined): { port: number; protocol: string }[] {
  const hit = stamp === undefined ? undefined : listeningOf.get(pod)
  if (hit && hit.stamp === stamp) return hit.ports
  const ports = ((pod.spec?.containers ?? []) as { name: string; image?: string }[]).flatMap((c) =>
    listeningPorts(c, containerFiles(pod, c.name, imageFiles(c.image ?? ''), store)))
  if (stamp !== undefined) listeningOf.set(pod, { stamp, ports })
  return ports
}

/**
 * Each container's image against the catalog (src/engine/images/): one the registry cannot have fails to pull; one
 * kubehop does not describe runs a process of which nothing is known, so it binds no port here.
 */
function imageMarkers({ file, object, locate }: LintInput): EditorMarker[] {
  const out: EditorMarker[] = []
  const base = object.kind === 'Pod' ? 'spec' : object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec'
  const spec = object.kind === 'Pod' ? object.spec : object.kind === 'CronJob' ? object.spec?.jobTemplate?.spec?.template?.spec : object.spec?.template?.spec
  ;((spec?.containers ?? []) as { image?: unknown }[]).forEach((c, i) => {
    if (typeof c.image !== 'string' || !c.image) return
    const pull = registryAnswer(c.image)
    if (pull.ok && knownImage(c.image)) return
    // Located only for a marker: a document's field positions cost a full YAML parse (manifests are read without one).
    const r = locate(`${base}.containers[${i}].image`)
    if (!r) return
    const at = { file, source: 'lint' as const, line: r.line, col: r.col, endLine: r.endLine, endCol: r.endCol }
    if (!pull.ok) out.push({ ...at, severity: 'warning', message: `The registry has no image "${c.image}": the kubelet's pull fails (ErrImagePull, then ImagePullBackOff) and the container never starts.` })
    else out.push({ ...at, severity: 'info', message: `kubehop does not know what the image "${c.image}" serves: its process runs but binds no port here, so connections to it are refused. The README lists the images kubehop knows.` })
  })
  return out
}

const names = (pods: KubeObject[]) => [...pods].sort(compareObjects).map((p) => p.metadata.name)

export function lintDocuments(inputs: LintInput[], store: ReadonlyStore): EditorMarker[] {
  const out: EditorMarker[] = []
  // From the store's label index (a Service of a 5,000-pod cluster selects from its label's bucket, not every pod), in
  // no particular order: the few pods a message names are sorted by name there.
  const selectedPods = (namespace: string | undefined, selector: Labels) =>
    Object.values(selector).some((v) => typeof v !== 'string') ? [] : selectFrom(store, 'Pod', namespace ?? 'default', fromMap(selector)).filter((o) => !o.metadata.deletionTimestamp)
  for (const input of inputs) out.push(...imageMarkers(input))
  for (const { file, object, locate } of inputs) {
    if (object.kind !== 'Service') continue
    const spec = (object.spec ?? {}) as { selector?: Labels; ports?: ServicePort[]; type?: string; externalTrafficPolicy?: string }
    const add = (path: string, severity: EditorMarker['severity'], message: string) => {
      const r = locate(path) ?? locate('spec')
      if (r) out.push({ file, source: 'lint', severity, message, line: r.line, col: r.col, endLine: r.endLine, endCol: r.endCol })
    }
    const selector = spec.selector
    if (!selector || !Object.keys(selector).length) continue // no selector: Endpoints are managed by hand
    const selected = selectedPods(object.metadata.namespace, selector)
    if (!selected.length) {
      const text = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',')
      add('spec.selector', 'warning', `No pod in namespace "${object.metadata.namespace}" matches the selector ${text}: the Service has no endpoints, and connections to it are refused.`)
      continue
    }
    ;(spec.ports ?? []).forEach((p, i) => {
      if (typeof p.targetPort !== 'string') return
      const missing = selected.filter((pod) => !ports(pod).some((cp) => cp.name === p.targetPort))
      if (missing.length) {
        add(`spec.ports[${i}].targetPort`, 'warning', `No container port is named "${p.targetPort}" in ${missing.length === selected.length ? 'any selected pod' : `${missing.length} of ${selected.length} selected pods (${names(missing).join(', ')})`}: those pods are left out of the endpoints.`)
      }
    })
    // What the pods' mounted configs say is read per revision of the namespace's ConfigMaps and Secrets.
    const ns = object.metadata.namespace ?? 'default'
    const stamp = store.indexes ? `${store.indexes.revision('ConfigMap', ns)}/${store.indexes.revision('Secret', ns)}` : undefined
    ;(spec.ports ?? []).forEach((p, i) => {
      // A port nothing listens on: the pods are endpoints, but connections to them are refused.
      const protocol = p.protocol ?? 'TCP'
      if (protocol === 'SCTP') return
      const deaf: { pod: KubeObject; port: number; open: string }[] = []
      for (const pod of selected) {
        const port = resolveTarget(p, pod)
        if (port === undefined) continue // an unresolved name: the lint above says so
        const open = listening(pod, store, stamp)
        if (!open.some((l) => l.port === port && l.protocol === protocol)) {
          deaf.push({ pod, port, open: open.map((l) => `${l.port}/${l.protocol}`).join(', ') || 'nothing' })
        }
      }
      if (!deaf.length) return
      deaf.sort((a, b) => compareObjects(a.pod, b.pod))
      const targetPorts = [...new Set(deaf.map((d) => d.port))].join('/')
      const named = typeof p.targetPort === 'string' && !/^\d+$/.test(p.targetPort) ? ` ("${p.targetPort}")` : ''
      const opens = [...new Set(deaf.map((d) => d.open))].join('; ')
      const where = deaf.length === selected.length ? 'the selected pods' : `${deaf.length} of ${selected.length} selected pods (${deaf.map((d) => d.pod.metadata.name).join(', ')})`
      add(p.targetPort === undefined ? `spec.ports[${i}].port` : `spec.ports[${i}].targetPort`, 'warning',
        `Nothing listens on ${protocol} port ${targetPorts}${named} in ${where}: their containers listen on ${opens}, so connections through the Service to them are refused.`)
    })
    if (spec.externalTrafficPolicy === 'Local' && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
      const withLocal = new Set(selected.filter(isReady).map((p) => p.spec?.nodeName as string))
      const without = store.list('Node').map((n) => n.metadata.name).filter((n) => !withLocal.has(n))
      if (without.length) {
        add('spec.externalTrafficPolicy', 'info', `externalTrafficPolicy: Local — no ready local endpoint on ${without.join(', ')}: connections to the node port there are dropped (they hang).`)
      }
    }
  }
  return out
}
