// `kubectl logs (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER | --all-containers] [-p] [--tail N] [--since D]
// [--timestamps] [--prefix] [-f]`: what the containers' processes wrote (src/engine/node/container-logs.ts).
// Errors as the API server returns them for missing pods, unstarted containers and ambiguous containers.
// Source: kubectl/pkg/cmd/logs/logs.go (selector mode defaults --tail to 10, --max-log-requests 5 for -f, the
// [pod/NAME/CONTAINER] prefix). -f follows on the simulated clock (read/follow.ts), or, started with `&`, after
// every later command: a request that reaches the pod then shows its access-log line at once.
import type { KubectlSubcommand } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str } from '../flags.ts'
import { resolveResource } from '../../../engine/api/kinds.ts'
import { fromLabelSelector, fromMap, matches, parseSelector } from '../../../engine/api/labels.ts'
import type { KubectlContext } from '../context.ts'
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1'
import type { KubeObject } from '../../../engine/api/types.ts'
import type { LogLine } from '../../../engine/node/container-runtime-state.ts'
import { instanceLogLines } from '../../../engine/node/container-logs.ts'
import { INTERRUPTED, followClock, requestTimeoutSeconds } from './follow.ts'
import { defaultedContainerNote } from '../write/pod-lookup.ts'

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

/** One container instance's log, as a stream kubectl reads. */
interface Stream { pod: KubeObject; container: string; id: string }

const FLAGS = [...GLOBAL_FLAGS, { name: 'container', short: 'c', type: 'string' as const }, { name: 'follow', short: 'f', type: 'bool' as const },
  { name: 'previous', short: 'p', type: 'bool' as const }, { name: 'tail', type: 'int' as const }, { name: 'timestamps', type: 'bool' as const },
  { name: 'all-containers', type: 'bool' as const }, { name: 'selector', short: 'l', type: 'string' as const }, { name: 'prefix', type: 'bool' as const },
  { name: 'since', type: 'string' as const }, { name: 'since-time', type: 'string' as const }, { name: 'max-log-requests', type: 'int' as const },
  { name: 'ignore-errors', type: 'bool' as const }, { name: 'quiet', short: 'q', type: 'bool' as const }, { name: 'limit-bytes', type: 'int' as const }, { name: 'pod-running-timeout', type: 'string' as const }]

export const logs: KubectlSubcommand = (ctx) => {
  const flags = parseFlags(ctx.args, FLAGS)
  const target = flags.positional[0]
  const selectorText = str(flags, 'selector')
  if (!target && selectorText === undefined) {
    ctx.io.err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n")
    return 1
  }
  if (target && selectorText !== undefined) {
    ctx.io.err("error: only one of -l or POD/TYPE/NAME may be specified\nSee 'kubectl logs -h' for help and examples\n")
    return 1
  }
  const namespace = str(flags, 'namespace') ?? 'default'
  const since = str(flags, 'since')
  const sinceSeconds = since === undefined ? undefined : requestTimeoutSeconds(since)
  if (since !== undefined && sinceSeconds === undefined) {
    ctx.io.err(`error: invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"\nSee 'kubectl logs -h' for help and examples\n`)
    return 1
  }
  let pods: KubeObject[]
  if (selectorText !== undefined) {
    pods = ctx.cluster.store.list('Pod', namespace).filter((p) => matches(parseSelector(selectorText), p.metadata.labels))
    if (!pods.length) {
      ctx.io.err(`No resources found in ${namespace} namespace.\n`)
      return 0
    }
  } else {
    const found = podFor(ctx, target!, namespace)
    if ('error' in found) {
      ctx.io.err(found.error + '\n')
      return 1
    }
    const pod = ctx.cluster.store.get('Pod', namespace, found.name)
    if (!pod) {
      ctx.io.err(`Error from server (NotFound): pods "${found.name}" not found\n`)
      return 1
    }
    pods = [pod]
  }
  const streams: Stream[] = []
  // kubectl reads the containers one after the other: those before a refused one (an init container's, with
  // --all-containers, before the app's `PodInitializing`) are printed before the error.
  let refused: string | undefined
  for (const pod of pods) {
    const picked = streamsOf(ctx, pod, str(flags, 'container'), bool(flags, 'all-containers'), bool(flags, 'previous'), bool(flags, 'quiet'))
    streams.push(...picked.streams)
    if (picked.error) {
      refused = picked.error
      break
    }
  }
  if (refused && (bool(flags, 'follow') || !streams.length)) {
    ctx.io.err(refused)
    return 1
  }
  const follow = bool(flags, 'follow')
  const maxRequests = (flags.values.get('max-log-requests') as number | undefined) ?? 5
  if (follow && streams.length > maxRequests) {
    ctx.io.err(`error: you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit\n`)
    return 1
  }
  // With a selector, kubectl asks for the last 10 lines of each container unless told otherwise.
  const tailFlag = flags.values.get('tail') as number | undefined
  const tail = tailFlag ?? (selectorText !== undefined ? 10 : -1)
  const now = ctx.cluster.clock.now()
  const prefixed = bool(flags, 'prefix')
  const timestamps = bool(flags, 'timestamps')
  const format = (s: Stream, l: LogLine) => (prefixed ? `[pod/${s.pod.metadata.name}/${s.container}] ` : '') + (timestamps ? `${rfc3339Nano(l.at)} ` : '') + l.line + '\n'

  const printedCounts = new Map<Stream, number>()
  for (const s of streams) {
    let lines = linesOf(ctx, s, now) ?? []
    printedCounts.set(s, lines.length)
    if (sinceSeconds !== undefined) lines = lines.filter((l) => l.at >= now - sinceSeconds)
    if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail)
    ctx.io.out(lines.map((l) => format(s, l)).join(''))
  }
  if (refused) {
    ctx.io.err(refused)
    return 1
  }
  if (!follow) return 0

  let printed = 0
  const ended = new Set<Stream>()
  // What every stream wrote since the last look, oldest first across streams; a container that stopped ends its stream.
  const poll = (write: (text: string) => void) => {
    const news: { s: Stream; l: LogLine; n: number }[] = []
    for (const s of streams) {
      if (ended.has(s)) continue
      const lines = (linesOf(ctx, s, ctx.cluster.clock.now()) ?? []).map((l, n) => ({ l, n })).sort((a, b) => a.l.at - b.l.at || a.n - b.n)
      const from = printedCounts.get(s) ?? 0
      for (const { l, n } of lines.slice(from)) news.push({ s, l, n })
      printedCounts.set(s, Math.max(from, lines.length))
      if (!stillRunning(ctx, s)) ended.add(s)
    }
    news.sort((a, b) => a.l.at - b.l.at)
    for (const { s, l } of news) write(format(s, l))
    printed += news.length
    return printed
  }
  const host = ctx.host
  if (ctx.io.detached && host.addJob) {
    host.addJob(() => poll((text) => host.background?.('stdout', text)))
    return 0
  }
  const why = followClock(ctx.cluster, () => poll((text) => ctx.io.out(text)), requestTimeoutSeconds(str(flags, 'request-timeout')),
    () => ended.size === streams.length)
  // Every container it followed stopped: the streams close and kubectl ends on its own.
  if (ended.size === streams.length) return 0
  return why === 'timeout' ? 0 : INTERRUPTED
}

function linesOf(ctx: KubectlContext, s: Stream, now: number): LogLine[] | undefined {
  const rt = s.pod.metadata.uid ? ctx.cluster.runtime.pods.get(s.pod.metadata.uid) : undefined
  return rt ? instanceLogLines(ctx.cluster.config, rt, s.container, s.id, now) : undefined
}

function stillRunning(ctx: KubectlContext, s: Stream): boolean {
  const pod = ctx.cluster.store.get('Pod', s.pod.metadata.namespace, s.pod.metadata.name)
  const status = statusOf(pod, s.container)
  return !!pod && pod.metadata.uid === s.pod.metadata.uid && !!status?.state?.running && (status.containerID ?? '') === s.id
}

/** RFC 3339 with nanoseconds, as the kubelet stamps CRI log lines (`--timestamps`). */
function rfc3339Nano(at: number): string {
  const whole = Math.floor(at)
  const nanos = String(Math.round((at - whole) * 1e9)).padStart(9, '0')
  return new Date(whole * 1000).toISOString().replace(/\.\d{3}Z$/, `.${nanos}Z`)
}

/** A container's status, regular or init (the kubelet's log endpoint serves either). */
function statusOf(pod: KubeObject | undefined, container: string): ContainerStatus | undefined {
  const all: ContainerStatus[] = [...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? [])]
  return all.find((c) => c.name === container)
}

/** The containers of one pod whose logs are asked for, each at the instance the API server would read. */
function streamsOf(ctx: KubectlContext, pod: KubeObject, containerName: string | undefined, all: boolean, previous: boolean, quiet: boolean): { streams: Stream[]; error?: string } {
  const name = pod.metadata.name
  const containers: Container[] = pod.spec?.containers ?? []
  const inits: Container[] = pod.spec?.initContainers ?? []
  let names: string[]
  // logsforobject.go: --all-containers reads the init containers first, then the regular ones.
  if (all) names = [...inits, ...containers].map((c) => c.name)
  else if (containerName) {
    // podcmd.FindContainerByName looks in the init containers too.
    if (![...containers, ...inits].some((c) => c.name === containerName)) return { streams: [], error: `error: container ${containerName} is not valid for pod ${name}\n` }
    names = [containerName]
  } else {
    // podcmd.FindOrDefaultContainerByName: the default-container annotation, else the first container, and says so.
    const chosen = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name
    const note = defaultedContainerNote(pod, chosen)
    if (note && !quiet) ctx.io.err(note)
    names = chosen ? [chosen] : []
  }
  const streams: Stream[] = []
  for (const c of names) {
    const status = statusOf(pod, c)
    const picked = pickInstance(status, c, name, previous)
    if ('error' in picked) return { streams, error: `Error from server (BadRequest): ${picked.error}\n` }
    // Logs come from the kubelet on the pod's node; a stopped node's address answers nobody.
    if (ctx.cluster.runtime.nodeDown(pod.spec.nodeName)) {
      return { streams, error: `Error from server: Get "https://${pod.status?.hostIP}:10250/containerLogs/${pod.metadata.namespace}/${name}/${c}": dial tcp ${pod.status?.hostIP}:10250: connect: no route to host\n` }
    }
    streams.push({ pod, container: c, id: picked.id })
  }
  return { streams }
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
