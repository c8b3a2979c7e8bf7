// `kubectl logs POD [-c CONTAINER]`: the start-up line an image is known to print, nothing for other images.
// Errors as the API server returns them for missing pods, unstarted containers and ambiguous containers.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, parseFlags, str } from '../flags.ts'
import { resolveResource } from '../../../engine/api/kinds.ts'
import { fromLabelSelector, fromMap, matches } from '../../../engine/api/labels.ts'
import type { KubectlContext } from '../context.ts'
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1'

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
  const selector = info.kind === 'Deployment' || info.kind === 'ReplicaSet' ? fromLabelSelector(owner.spec?.selector) : fromMap(owner.spec?.selector ?? {})
  const pods = selector ? ctx.cluster.store.list('Pod', namespace).filter((p) => matches(selector, p.metadata.labels)) : []
  if (!pods.length) return { error: `error: timed out waiting for the condition` }
  const ranked = [...pods].sort((a, b) => Number(b.status?.phase === 'Running') - Number(a.status?.phase === 'Running'))
  if (pods.length > 1) ctx.io.err(`Found ${pods.length} pods, using pod/${ranked[0].metadata.name}\n`)
  return { name: ranked[0].metadata.name }
}

// Known first lines (luksa/kubia's app.js logs this on start); other images print nothing here.
const STARTUP_LINES: [RegExp, string][] = [[/^(docker\.io\/)?luksa\/kubia/, 'Kubia server starting...\n']]

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
  if (!status?.state?.running && !status?.state?.terminated) {
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating'
    ctx.io.err(`Error from server (BadRequest): container "${containerName}" in pod "${name}" is waiting to start: ${reason}\n`)
    return 1
  }
  // Logs come from the kubelet on the pod's node; a stopped node's address answers nobody.
  if (ctx.cluster.runtime.nodeDown(pod.spec.nodeName)) {
    ctx.io.err(`Error from server: Get "https://${pod.status?.hostIP}:10250/containerLogs/${namespace}/${name}/${containerName}": dial tcp ${pod.status?.hostIP}:10250: connect: no route to host\n`)
    return 1
  }
  const line = STARTUP_LINES.find(([re]) => re.test(container.image ?? ''))?.[1] ?? ''
  ctx.io.out(line)
  return 0
}
