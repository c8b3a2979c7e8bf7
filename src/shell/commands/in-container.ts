// Everything `kubectl exec POD -- CMD` runs that is not a network tool: the container's own coreutils, through the
// kubelet's exec path (src/engine/node/container-exec.ts). Network tools are registered as pod commands.
import type { Command } from '../command.ts'
import { execInContainer } from '../../engine/node/container-exec.ts'

export const inContainer: Command = (io, host) => {
  const cluster = host.cluster
  if (io.location.kind !== 'pod' || !cluster) {
    io.err(`bash: ${io.argv[0]}: command not found\n`)
    return 127
  }
  const pod = cluster.store.get('Pod', io.location.namespace, io.location.pod)
  if (!pod) {
    io.err(`Error from server (NotFound): pods "${io.location.pod}" not found\n`)
    return 1
  }
  const result = execInContainer({ store: cluster.store, runtime: cluster.runtime, config: cluster.config, pod, container: io.location.container, now: cluster.clock.now() }, io.argv)
  if ('notHandled' in result) {
    io.err(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${io.argv[0]}": executable file not found in $PATH: unknown\n`)
    return 126
  }
  io.out(result.stdout)
  io.err(result.stderr)
  return result.exitCode
}
