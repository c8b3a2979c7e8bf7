// `kubectl logs POD [-c CONTAINER] [--previous] [--tail N]`: what the container's process wrote (src/engine/node/container-logs.ts).
// Errors as the API server returns them for missing pods, unstarted containers and ambiguous containers.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, parseFlags, str } from '../flags.ts'
import { resolveResource } from '../../../engine/api/kinds.ts'
import { fromLabelSelector, fromMap, matches } from '../../../engine/api/labels.ts'
import type { KubectlContext } from '../context.ts'
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1'
import { instanceLogs } from '../../../engine/node/container-logs.ts'

/** `deploy/x`, `rs/x`, `rc/x`, `svc/x`: kubectl picks one of the selected pods (running ones first) and says which. */
function podFor(ctx: KubectlContext, target: string, namespace: string): { name: string } | { error: string } {
  const slash = target.indexOf('/')
  if (slash < 0) return { name: target }
  const info = resolveResource(target.slice(0, slash))
  const name = target.slice(slash + 1)
  if (!info) return { error: `error: the server doesn't have a resource type "${target.slice(0, slash)}"` }
  if (info.kind === 'Pod') return { name }
  const owner = ctx.cluster.store.get(info.kind, namespace, name)
  if (!owner) return { error: `Error from server (NotFound): ${info.plural}${info.apiVersion.includes('/') ? '.' + info.apiVersion.split('/')[0] : ''} "${name}" not found` }
  const selector = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(info.kind) ? fromLabelSelector(owner.spec?.selector) : fromMap(owner.spec?.selector ?? {})
  const pods = selector ? ctx.cluster.store.list('Pod', namespace).filter((p) => matches(selector, p.metadata.labels)) : []
  if (!pods.length) return { error: `error: timed out waiting for the condition` }
  const ranked = [...pods].sort((a, b) => Number(b.status?.phase === 'Running') - Number(a.status?.phase === 'Running'))
  if (pods.length > 1) ctx.io.err(`Found ${pods.length} pods, using pod/${ranked[0].metadata.name}\n`)
  return { name: ranked[0].metadata.name }
}

export const logs: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, { name: 'container', short: 'c', type: 'string' }, { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' }, { name: 'tail', type: 'int' }, { name: 'timestamps', type: 'bool' }, { name: 'all-containers', type: 'bool' }])
  const target = flags.positional[0]
  if (!target) {
    ctx.io.err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n")
    return 1
  }
  const namespace = str(flags, 'namespace') ?? 'default'
  const found = podFor(ctx, target, namespace)
  if ('error' in found) {
    ctx.io.err(found.error + '\n')
    return 1
  }
  const name = found.name
  const pod = ctx.cluster.store.get('Pod', namespace, name)
  if (!pod) {
    ctx.io.err(`Error from server (NotFound): pods "${name}" not found\n`)
    return 1
  }
  const containers: Container[] = pod.spec?.containers ?? []
  let containerName = str(flags, 'container')
  if (!containerName) {
    if (containers.length > 1) {
      ctx.io.err(`error: a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(' ')}]\n`)
      return 1
    }
    containerName = containers[0]?.name
  }
  const container = containers.find((c) => c.name === containerName)
  if (!container) {
    ctx.io.err(`error: container ${containerName} is not valid for pod ${name}\n`)
    return 1
  }
  const status = (pod.status?.containerStatuses ?? []).find((s: ContainerStatus) => s.name === containerName)
  const picked = pickInstance(status, containerName!, name, flags.values.get('previous') === true)
  if ('error' in picked) {
    ctx.io.err(`Error from server (BadRequest): ${picked.error}\n`)
    return 1
  }
  // Logs come from the kubelet on the pod's node; a stopped node's address answers nobody.
  if (ctx.cluster.runtime.nodeDown(pod.spec.nodeName)) {
    ctx.io.err(`Error from server: Get "https://${pod.status?.hostIP}:10250/containerLogs/${namespace}/${name}/${containerName}": dial tcp ${pod.status?.hostIP}:10250: connect: no route to host\n`)
    return 1
  }
  const rt = pod.metadata.uid ? ctx.cluster.runtime.pods.get(pod.metadata.uid) : undefined
  let text = rt ? instanceLogs(ctx.cluster.config, rt, containerName!, picked.id, ctx.cluster.clock.now()) ?? '' : ''
  const tail = flags.values.get('tail')
  if (typeof tail === 'number' && tail >= 0) text = tail === 0 ? '' : text.split(/(?<=\n)/).slice(-tail).join('')
  ctx.io.out(text)
  return 0
}

/** validateContainerLogStatus: which instance's log to read, or the API server's refusal. */
function pickInstance(status: ContainerStatus | undefined, container: string, pod: string, previous: boolean): { id: string } | { error: string } {
  const last = status?.lastState?.terminated
  const state = status?.state
  if (previous) {
    if (!last?.containerID) return { error: `previous terminated container "${container}" in pod "${pod}" not found` }
    return { id: last.containerID }
  }
  if (state?.running) return { id: status!.containerID ?? '' }
  if (state?.terminated) return { id: state.terminated.containerID || last?.containerID || '' }
  if (last?.containerID) return { id: last.containerID }
  const reason = state?.waiting?.reason ?? 'ContainerCreating'
  if (reason === 'ErrImagePull') return { error: `container "${container}" in pod "${pod}" is waiting to start: image can't be pulled` }
  if (reason === 'ImagePullBackOff') return { error: `container "${container}" in pod "${pod}" is waiting to start: trying and failing to pull image` }
  return { error: `container "${container}" in pod "${pod}" is waiting to start: ${reason}` }
}
