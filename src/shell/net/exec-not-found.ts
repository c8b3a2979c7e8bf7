// A program a pod's container cannot run (not in its image, or one kubehop does not simulate): the runtime's answer.
// containerd (kind, GKE) fails the exec's start with the exec's id; Docker Engine (minikube) passes runc's message on.
import type { CommandIO, ShellHost } from '../command.ts'
import { containerdExecNotFound, ociExecNotFound } from '../../engine/node/container-exec.ts'
import { netContext, toolInImage } from './context.ts'
import type { NetContext } from './context.ts'
import type { NetPod } from '../../engine/network/view.ts'
import type { NetworkWorld } from '../../engine/network/world.ts'

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

/** What an in-pod inspection tool (netstat, ss, ip, ifconfig) works on: the pod, its network world and image. */
export type PodToolContext = NetContext & { pod: NetPod; world: NetworkWorld; container: string }

/**
 * The start every in-pod inspection tool shares: the pod it runs in (or why it cannot run), and the image having the
 * tool at all. Returns the exit status when the tool cannot run, else its context.
 */
export function podToolContext(io: CommandIO, host: ShellHost, tool: string, usage: string): PodToolContext | number {
  const ctx = netContext(io, host)
  if ('error' in ctx) { io.err(ctx.error + '\n'); return 1 }
  if (!ctx.pod || !ctx.world || io.location.kind !== 'pod') { io.err(`kubehop: ${tool} runs inside a pod (kubectl exec POD -- ${usage})\n`); return 1 }
  if (!toolInImage(ctx.image, tool)) return execNotFound(io, host, tool)
  return { ...ctx, pod: ctx.pod, world: ctx.world, container: io.location.container }
}
