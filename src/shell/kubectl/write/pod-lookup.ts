// Which pod `kubectl exec|port-forward|logs` talks to for `NAME`, `pod/NAME`, `deploy/NAME`, `svc/NAME`,
// `rs/NAME`, `rc/NAME`: the named pod, or the first of the object's pods (polymorphichelpers.AttachablePodForObject).
import type { KubeObject } from '../../../engine/api/types.ts'
import { fromLabelSelector, fromMap, matches } from '../../../engine/api/labels.ts'
import type { Selector } from '../../../engine/api/labels.ts'
import type { KubectlContext } from '../context.ts'
import { CommandError } from './command-error.ts'
import { resolveKind } from './targets.ts'

function selectorOf(obj: KubeObject): Selector | null {
  switch (obj.kind) {
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': case 'Job': return fromLabelSelector(obj.spec?.selector)
    case 'ReplicationController': return obj.spec?.selector ? fromMap(obj.spec.selector) : null
    case 'Service': return obj.spec?.selector && Object.keys(obj.spec.selector).length ? fromMap(obj.spec.selector) : null
    default: return null
  }
}

/** Resolves the target to a pod; throws ApiError NotFound or a CommandError as kubectl would. */
export function podFor(ctx: KubectlContext, target: string, namespace: string): KubeObject {
  const slash = target.indexOf('/')
  if (slash < 0) return ctx.cluster.api.get('Pod', namespace, target)
  const info = resolveKind(target.slice(0, slash))
  const name = target.slice(slash + 1)
  const obj = ctx.cluster.api.get(info.kind, namespace, name)
  if (obj.kind === 'Pod') return obj
  const sel = selectorOf(obj)
  if (!sel) throw new CommandError(`cannot attach to ${info.kind}: selector for ${info.kind} not implemented`)
  const pods = ctx.cluster.store.list('Pod', namespace).filter((p) => matches(sel, p.metadata.labels) && !p.metadata.deletionTimestamp)
  if (!pods.length) throw new CommandError(`no pods found for ${info.singular} "${name}"`)
  // kubectl sorts active pods by readiness then age; the first running one wins.
  const running = pods.filter((p) => p.status?.phase === 'Running')
  return (running.length ? running : pods)[0]
}

/**
 * podcmd.FindOrDefaultContainerByName's note on stderr when kubectl picked the container itself: said when the pod has
 * more than one container or any init container, naming them all (podcmd.AllContainerNames: `app, wait (init)`).
 */
export function defaultedContainerNote(pod: KubeObject, chosen: string | undefined): string | undefined {
  const containers: { name: string }[] = pod.spec?.containers ?? []
  const inits: { name: string }[] = pod.spec?.initContainers ?? []
  if (containers.length <= 1 && !inits.length) return undefined
  const names = [...containers.map((c) => c.name), ...inits.map((c) => `${c.name} (init)`)]
  return `Defaulted container "${chosen}" out of: ${names.join(', ')}\n`
}
