// What the API server adds to every new Pod besides defaults.
// Upstream: plugin/pkg/admission/serviceaccount (serviceAccountName, the kube-api-access-* projected
// volume), plugin/pkg/admission/defaulttolerationseconds (not-ready/unreachable NoExecute for 300 s),
// plugin/pkg/admission/priority (priority 0, preemptionPolicy) and pkg/registry/core/pod/strategy.go
// PrepareForCreate (status Pending with its QoS class) — Kubernetes v1.32.
import type { KubeObject } from '../api/types.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1'

const tokenMountPath = '/var/run/secrets/kubernetes.io/serviceaccount'

function addServiceAccount(spec: PodSpec, rng: SeededRandom): void {
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default'
  spec.serviceAccount = spec.serviceAccountName
  if (spec.automountServiceAccountToken === false) return
  const containers: Container[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])]
  if (containers.every((c) => (c?.volumeMounts ?? []).some((m) => m?.mountPath === tokenMountPath))) return
  const name = `kube-api-access-${rng.suffix(5)}`
  spec.volumes = [...(spec.volumes ?? []), {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  }]
  for (const c of containers) {
    if (!c || typeof c !== 'object') continue
    if ((c.volumeMounts ?? []).some((m) => m?.mountPath === tokenMountPath)) continue
    c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: tokenMountPath, name, readOnly: true }]
  }
}

function tolerates(existing: Toleration[], key: string): boolean {
  return existing.some((t) => (t?.effect === 'NoExecute' || !t?.effect) &&
    ((t?.operator === 'Exists' && !t?.key) || t?.key === key))
}

function addDefaultTolerations(spec: PodSpec): void {
  const tolerations: Toleration[] = Array.isArray(spec.tolerations) ? [...spec.tolerations] : []
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(tolerations, key)) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 })
  }
  spec.tolerations = tolerations
}

/** qos.GetPodQOS: BestEffort without any cpu/memory requests or limits, Guaranteed when limits = requests everywhere. */
function podQOSClass(spec: PodSpec): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: Container[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])]
  const resources = ['cpu', 'memory']
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const req = c?.resources?.requests ?? {}
    const lim = c?.resources?.limits ?? {}
    for (const r of resources) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true
      if (lim[r] === undefined || String(req[r] ?? lim[r]) !== String(lim[r])) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

/** Applies the Pod admission plugins and PrepareForCreate to a defaulted Pod (mutates it). */
export function admitNewPod(pod: KubeObject, rng: SeededRandom): void {
  const spec = pod.spec
  addServiceAccount(spec, rng)
  addDefaultTolerations(spec)
  if (spec.priority === undefined && !spec.priorityClassName) spec.priority = 0
  if (!spec.preemptionPolicy) spec.preemptionPolicy = 'PreemptLowerPriority'
  pod.status = { phase: 'Pending', qosClass: podQOSClass(spec) }
}
