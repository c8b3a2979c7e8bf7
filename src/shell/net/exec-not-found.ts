// A program a pod's container cannot run (not in its image, or one kubehop does not simulate): the runtime's answer.
// containerd (kind, GKE) fails the exec's start with the exec's id; Docker Engine (minikube) passes runc's message on.
import type { CommandIO, ShellHost } from '../command.ts'
import { containerdExecNotFound, ociExecNotFound } from '../../engine/node/container-exec.ts'

/** Reports the failed start through the caller when it has its own way (kubectl exec, a shell), else prints it. */
export function execNotFound(io: CommandIO, host: ShellHost, tool: string): number {
  if (io.startFailed) return io.startFailed(tool)
  const cluster = host.cluster
  const loc = io.location
  const id = loc.kind === 'pod' ? cluster?.runtime.podByName(loc.namespace, loc.pod)?.containers.get(loc.container)?.containerID : undefined
  const docker = cluster?.profile.containerRuntimeVersion.startsWith('docker://')
  io.err(`${docker ? ociExecNotFound(tool) : containerdExecNotFound(tool, id)}\n`)
  return 126
}
