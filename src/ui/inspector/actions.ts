// Failure injection: what a trainer does to an object to show a consequence, as the kubectl (or docker)
// command a person would type. Pure: the selected object and the snapshot in, labelled commands out.
import type { KubeObject } from '../../engine/api/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'

export interface Action { label: string; command: string }

const nsFlag = (o: KubeObject) => (o.metadata.namespace && o.metadata.namespace !== 'default' ? ` -n ${o.metadata.namespace}` : '')

const isReady = (o: KubeObject) =>
  (o.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')

/** The file an exec readiness probe checks (`ls /var/ready`, `cat /tmp/healthy`, `test -f /ready`), if any. */
export function probeFile(pod: KubeObject): { container: string; path: string } | null {
  for (const c of (pod.spec?.containers ?? []) as { name: string; readinessProbe?: { exec?: { command?: string[] } } }[]) {
    const argv = c.readinessProbe?.exec?.command ?? []
    const words = argv.length >= 3 && /sh$/.test(argv[0]) && argv[1] === '-c' ? argv[2].split(/\s+/) : argv
    const i = words.findIndex((w) => /^(ls|cat|stat|test|\[)$/.test(w))
    const path = i >= 0 ? words.slice(i + 1).find((w) => w.startsWith('/')) : undefined
    if (path) return { container: c.name, path }
  }
  return null
}

function ownerDeployment(pod: KubeObject, objects: readonly KubeObject[]): KubeObject | undefined {
  const rsRef = pod.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet')
  const rs = rsRef && objects.find((o) => o.kind === 'ReplicaSet' && o.metadata.namespace === pod.metadata.namespace && o.metadata.name === rsRef.name)
  const depRef = rs?.metadata.ownerReferences?.find((r) => r.kind === 'Deployment')
  return depRef && objects.find((o) => o.kind === 'Deployment' && o.metadata.namespace === pod.metadata.namespace && o.metadata.name === depRef.name)
}

function scaleActions(dep: KubeObject): Action[] {
  const replicas: number = dep.spec?.replicas ?? 1
  const cmd = (n: number) => `kubectl scale deployment ${dep.metadata.name} --replicas=${n}${nsFlag(dep)}`
  return [
    { label: `Scale ${dep.metadata.name} to ${replicas + 1}`, command: cmd(replicas + 1) },
    ...(replicas > 0 ? [{ label: `Scale ${dep.metadata.name} to ${replicas - 1}`, command: cmd(replicas - 1) }] : []),
  ]
}

export function actionsFor(key: string, snapshot: ClusterSnapshot | null): Action[] {
  const o = snapshot?.objects.find((x) => `${x.kind}/${x.metadata.namespace ?? ''}/${x.metadata.name}` === key)
  if (!o || !snapshot) return []
  const name = o.metadata.name
  switch (o.kind) {
    case 'Pod': {
      const out: Action[] = [{ label: 'Delete pod', command: `kubectl delete pod ${name}${nsFlag(o)}` }]
      const probe = probeFile(o)
      if (probe) {
        const verb = isReady(o) ? 'rm' : 'touch'
        out.push({ label: isReady(o) ? `Make not ready (rm ${probe.path})` : `Make ready (touch ${probe.path})`,
          command: `kubectl exec ${name}${nsFlag(o)} -c ${probe.container} -- ${verb} ${probe.path}` })
      }
      const dep = ownerDeployment(o, snapshot.objects)
      if (dep) out.push(...scaleActions(dep))
      return out
    }
    case 'Node': {
      const unschedulable = !!o.spec?.unschedulable
      return [
        unschedulable ? { label: 'Uncordon', command: `kubectl uncordon ${name}` } : { label: 'Cordon', command: `kubectl cordon ${name}` },
        { label: 'Drain', command: `kubectl drain ${name} --ignore-daemonsets --delete-emptydir-data` },
        { label: 'Kill node (docker stop)', command: `docker stop ${name}` },
      ]
    }
    case 'Deployment': return scaleActions(o)
    case 'Service': return [{ label: 'Show endpoints', command: `kubectl get endpoints ${name}${nsFlag(o)}` }]
    default: return []
  }
}
