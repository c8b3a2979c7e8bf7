// `kubectl logs POD [-c CONTAINER]`: the start-up line an image is known to print, nothing for other images.
// Errors as the API server returns them for missing pods, unstarted containers and ambiguous containers.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, parseFlags, str } from '../flags.ts'

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
  const name = target.replace(/^(pods?|po)\//, '')
  const namespace = str(flags, 'namespace') ?? 'default'
  const pod = ctx.cluster.store.get('Pod', namespace, name) as any
  if (!pod) {
    ctx.io.err(`Error from server (NotFound): pods "${name}" not found\n`)
    return 1
  }
  const containers: any[] = pod.spec?.containers ?? []
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
  const status = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === containerName)
  if (!status?.state?.running && !status?.state?.terminated) {
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating'
    ctx.io.err(`Error from server (BadRequest): container "${containerName}" in pod "${name}" is waiting to start: ${reason}\n`)
    return 1
  }
  const line = STARTUP_LINES.find(([re]) => re.test(container.image ?? ''))?.[1] ?? ''
  ctx.io.out(line)
  return 0
}
