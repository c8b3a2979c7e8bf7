// The kubelet's prober: pkg/kubelet/prober/prober.go (runProbe: exec, httpGet, tcpSocket and their messages) and
// pkg/kubelet/prober/worker.go (doProbe: initialDelaySeconds, periodSeconds, success/failure thresholds).
import type { KubeObject } from '../api/types.ts'
import type { ReadonlyStore } from '../api/store.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { ContainerState, NodeRuntime, ProbeState } from './runtime.ts'
import { execInContainer } from './container-exec.ts'
import { httpProbeResult, listeningPorts } from '../apps/listening.ts'
import { containerFiles } from '../apps/mounted-files.ts'
import { appKind, imageFiles } from '../apps/registry.ts'
import { kubiaRespond } from '../apps/kubia.ts'
import { servedCounts } from './served-counts.ts'
import { recordRequest } from '../network/request-log.ts'
import type { Container, ContainerPort, Probe } from 'kubernetes-types/core/v1'

interface ProbeTiming { initialDelaySeconds: number; periodSeconds: number; timeoutSeconds: number; successThreshold: number; failureThreshold: number }

/** pkg/apis/core/v1/defaults.go SetDefaults_Probe: period 10, timeout 1, success 1, failure 3. */
export function probeTiming(probe: Probe): ProbeTiming {
  return {
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    periodSeconds: probe.periodSeconds || 10,
    timeoutSeconds: probe.timeoutSeconds || 1,
    successThreshold: probe.successThreshold || 1,
    failureThreshold: probe.failureThreshold || 3,
  }
}

export function newProbeState(kind: 'readiness' | 'liveness' | 'startup'): ProbeState {
  // Readiness starts as failure (not ready until the first success); liveness as success; startup as unknown.
  return { lastRun: null, consecutiveSuccesses: 0, consecutiveFailures: 0, result: kind === 'readiness' ? 'failure' : kind === 'liveness' ? 'success' : 'unknown' }
}

/**
 * When the probe runs next: the first run at container start + initialDelaySeconds (the kubelet triggers a readiness
 * probe as soon as the container starts), then every periodSeconds.
 */
export function nextProbeAt(probe: Probe, state: ProbeState, startedAt: number): number {
  const t = probeTiming(probe)
  return state.lastRun === null ? startedAt + t.initialDelaySeconds : state.lastRun + t.periodSeconds
}

export interface ProbeOutcome {
  /** `error` is an errored probe (e.g. a missing executable): upstream throws the result away. */
  result: 'success' | 'failure' | 'error'
  /** What follows `Readiness probe failed: ` (or `errored: `). */
  message: string
  /** The app counted the probe as a request (kubia): the next answer may differ, so a repeat is not steady. */
  counted?: boolean
}

export interface ProbeEnv { store: ReadonlyStore; runtime: NodeRuntime; config: ClusterConfig; now: number }

function resolvePort(port: number | string, container: Container): number | undefined {
  if (typeof port === 'number') return port
  if (/^\d+$/.test(port)) return Number(port)
  return ((container.ports ?? []) as ContainerPort[]).find((p) => p.name === port)?.containerPort
}

/** prober.runProbe: one probe of one container, with the messages the kubelet records. */
export function runProbe(probe: Probe, pod: KubeObject, container: Container, state: ContainerState, podIP: string, env: ProbeEnv): ProbeOutcome {
  // The same files the network sees (ConfigMap-mounted nginx.conf may move the listening port).
  const files = () => containerFiles(pod, container.name, imageFiles(container.image ?? ''), env.store)
  if (probe.exec) {
    const argv = (probe.exec.command ?? []) as string[]
    // The runtime's ExecSync gives up after timeoutSeconds: a probe that sleeps longer fails (remote_runtime.go).
    if (execSeconds(argv) >= probeTiming(probe).timeoutSeconds) return { result: 'failure', message: `command "${argv.join(' ')}" timed out` }
    const r = execInContainer({ store: env.store, runtime: env.runtime, config: env.config, pod, container: container.name, now: env.now }, probe.exec.command ?? [])
    if ('notHandled' in r) return { result: 'success', message: '' }
    if (r.exitCode === 126 && r.stderr.includes('OCI runtime exec failed')) {
      return { result: 'error', message: `rpc error: code = Unknown desc = ${r.stderr.replace(/^error: Internal error occurred: error executing command in container: /, '')}` }
    }
    const output = (r.stdout + r.stderr).replace(/\n$/, '')
    return r.exitCode === 0 ? { result: 'success', message: output } : { result: 'failure', message: output }
  }
  if (probe.httpGet) {
    const g = probe.httpGet
    const port = resolvePort(g.port, container)
    const host = g.host || podIP
    const scheme = (g.scheme ?? 'HTTP').toLowerCase()
    const path = g.path ? (g.path.startsWith('/') ? g.path : `/${g.path}`) : '/'
    const url = `${scheme}://${host}:${port ?? g.port}${path}`
    if (port === undefined) return { result: 'error', message: `unable to resolve port "${g.port}"` }
    const answer = host === podIP ? httpProbeResult(pod, container, port, path, state, files()) : { kind: 'refused' as const }
    if (answer.kind === 'refused') return { result: 'failure', message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` }
    const counted = appKind(container.image ?? '') === 'kubia'
    const status = counted ? countedAnswer(pod, container, port, path, env) : answer.status
    if (status >= 200 && status < 400) return { result: 'success', message: '', ...(counted ? { counted } : {}) }
    return { result: 'failure', message: `HTTP probe failed with statuscode: ${status}`, ...(counted ? { counted } : {}) }
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, container)
    const host = probe.tcpSocket.host || podIP
    if (port !== undefined && host === podIP && listeningPorts(container, files()).some((p) => p.port === port && p.protocol === 'TCP')) return { result: 'success', message: '' }
    return { result: 'failure', message: `dial tcp ${host}:${port ?? probe.tcpSocket.port}: connect: connection refused` }
  }
  if (probe.grpc) return { result: 'success', message: '' }
  return { result: 'success', message: '' }
}

/** How long an exec probe's command runs: its `sleep`s (alone or in `sh -c`); everything else returns at once. */
function execSeconds(argv: string[]): number {
  const sleeps = (text: string) => [...text.matchAll(/(?:^|[;&|\s])sleep\s+(\d+(?:\.\d+)?)/g)].reduce((sum, m) => sum + Number(m[1]), 0)
  const program = (argv[0] ?? '').replace(/^.*\//, '')
  if (program === 'sleep') return Number(argv[1]) || 0
  if (['sh', 'bash', 'ash'].includes(program) && argv[1] === '-c') return sleeps(argv[2] ?? '')
  return 0
}

/**
 * kubia's app.js counts every request, the kubelet's GETs too: kubia-unhealthy answers 500 from the sixth, which
 * is what makes the book's liveness probe fail (the same counter the network's requests bump).
 */
function countedAnswer(pod: KubeObject, container: Container, port: number, path: string, env: ProbeEnv): number {
  const served = servedCounts(env.config)
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}/${container.name}`
  const before = served.get(key) ?? 0
  served.set(key, before + 1)
  const ip = (pod.status?.podIP as string | undefined) ?? ''
  // The kubelet dials from its node, as the network's node-to-pod connections do (their source is the node's IP).
  const nodeIP = (pod.status?.hostIP as string | undefined) ?? ''
  const image = container.image ?? ''
  const res = kubiaRespond({ podName: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default', image, localIP: ip, localPort: port,
    remoteIP: nodeIP, remotePort: 0, now: env.now, files: new Map(), servedBefore: before })
  // app.js logs every request, the probe's too (`kubectl logs --previous` shows them before the kill).
  recordRequest(env.config, key, { image, now: env.now, method: 'GET', path, status: res.status, bytes: res.body.length, remoteIP: nodeIP, remotePort: 0,
    localPort: port, userAgent: 'kube-probe/1.32' })
  return res.status
}

/**
 * worker.doProbe's bookkeeping: counts consecutive results and settles the probe's result once a threshold is
 * reached. Returns true when the settled result changed.
 */
export function recordProbe(state: ProbeState, outcome: ProbeOutcome, probe: Probe, now: number): boolean {
  state.lastRun = now
  if (outcome.result === 'error') return false
  const t = probeTiming(probe)
  if (outcome.result === 'success') {
    state.consecutiveSuccesses++
    state.consecutiveFailures = 0
    state.lastMessage = undefined
    if (state.consecutiveSuccesses >= t.successThreshold && state.result !== 'success') { state.result = 'success'; return true }
  } else {
    state.consecutiveFailures++
    state.consecutiveSuccesses = 0
    state.lastMessage = outcome.message
    if (state.consecutiveFailures >= t.failureThreshold && state.result !== 'failure') { state.result = 'failure'; return true }
  }
  return false
}
