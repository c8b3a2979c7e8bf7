// The start every in-pod inspection tool (netstat, ss, ip, ifconfig) shares: the pod it runs in and the image having it.
import type { CommandIO, ShellHost } from '../command.ts'
import { netContext, toolInImage } from './context.ts'
import type { NetContext } from './context.ts'
import { execNotFound } from './exec-not-found.ts'
import type { NetPod } from '../../engine/network/view.ts'
import type { NetworkWorld } from '../../engine/network/world.ts'

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
