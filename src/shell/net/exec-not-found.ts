// A program a pod's container cannot run (not in its image, or one kubehop does not simulate): the runtime's answer.
// containerd (kind, GKE) fails the exec's start with the exec's id; Docker Engine (minikube) passes runc's message on.
import type { CommandIO, ShellHost } from '../command.ts'
import { runtimeExecNotFound } from '../../engine/node/container-exec.ts'

/** Prints the runtime's failure to start `tool` in the pod's container. */
export function execNotFound(io: CommandIO, host: ShellHost, tool: string): number {
  const cluster = host.cluster
  const loc = io.location
  const id = loc.kind === 'pod' ? cluster?.runtime.podByName(loc.namespace, loc.pod)?.containers.get(loc.container)?.containerID : undefined
  io.err(`${runtimeExecNotFound(cluster?.profile.containerRuntimeVersion ?? '', tool, id)}\n`)
  return 126
}
