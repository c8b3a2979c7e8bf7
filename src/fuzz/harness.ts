// Drives the engine for the property tests: through the shell (a script, statement by statement, the way
// the CLI and the browser console do) or straight through the API server. Every step is timed and checked;
// a step returns the violations it found instead of throwing, so fast-check can shrink to the smallest case.
import { checkOutputText } from './output-text.ts'
import { ShellSession } from '../shell/session.ts'
import type { StatementRecord } from '../shell/script/types.ts'
import type { Cluster } from '../engine/cluster/cluster.ts'
import { ApiError } from '../engine/api/api-server.ts'
import type { KubeObject } from '../engine/api/types.ts'
import { parseManifests } from '../engine/manifest/index.ts'
import { checkCluster, checkRestartCounts, checkServiceTraffic, checkTraces, newReached, type Reached } from './invariants.ts'

/** A replica count of 100 or more, or one written in a form that may be huge (1e9, 0x.., .inf). */
const BURSTY = /replicas["']?\s*[:=]\s*["']?(\d{3,}|\d[\d_]*[eE]|0[xXoO]|[-+]?\.inf)/

export interface StepReport {
  violations: string[]
  records: StatementRecord[]
  /** Wall time of the step, for bench/fuzz-long.ts to report; no test asserts on it (a hang is the runner's timeout). */
  ms: number
}

/** One script line as the transcript shows it: the command, its output and its exit status. */
function transcriptOf(records: StatementRecord[]): string {
  return records.map((r) => `$ ${r.source}\n${r.chunks.map((c) => c.text).join('')}[${r.exitCode}]\n`).join('')
}

export function storeFingerprint(cluster: Cluster | null): string {
  if (!cluster) return 'no cluster'
  return JSON.stringify(cluster.snapshot().objects)
}

/** A shell session whose host files hold the fuzzed manifests (`kubectl apply -f /fuzz/3.yaml`). */
export class FuzzSession {
  readonly session: ShellSession
  private files = 0
  private readonly seenLivelocks = new WeakSet<object>()
  /** restartCount per `uid/container` at the previous step (restart counts never decrease). */
  private readonly restarts = new Map<string, number>()
  /** How many cases the conditional invariants reached in this session (see Reached). */
  readonly reached: Reached = newReached()

  constructor(readonly seed: number) {
    this.session = new ShellSession({ seed, maxLoopRounds: 20 })
  }

  /** Stores a manifest on the host and returns its path. */
  file(text: string): string {
    const path = `/fuzz/m${++this.files}.yaml`
    this.session.hostFiles.set(path, text)
    return path
  }

  /** Runs a script and checks the cluster after it. */
  /** Whether the session ever asked for hundreds of replicas (then the replica manager may be in a burst pause). */
  bursty = false

  step(script: string, opts: { converged?: boolean } = {}): StepReport {
    if (BURSTY.test(script)) this.bursty = true
    const violations: string[] = []
    const t0 = performance.now()
    let records: StatementRecord[] = []
    try {
      records = this.session.runScript(script)
    } catch (err) {
      violations.push(`runScript threw on ${JSON.stringify(script.slice(0, 200))}: ${(err as Error)?.stack ?? String(err)}`)
    }
    const ms = performance.now() - t0
    violations.push(...checkOutputText(records, script))
    const cluster = this.session.cluster
    if (cluster) {
      const livelock = cluster.manager.log.find((e) => e.type === 'livelock' && !this.seenLivelocks.has(e))
      if (livelock) this.seenLivelocks.add(livelock)
      if (livelock) violations.push(`controllers reported a livelock: ${JSON.stringify(livelock).slice(0, 300)}`)
      try {
        violations.push(...checkTraces(records.flatMap((r) => r.traces)))
        violations.push(...checkCluster(cluster, opts.converged ?? true, { allowReplicaDeficit: this.bursty, reached: this.reached }))
        violations.push(...checkRestartCounts(cluster, this.restarts))
      } catch (err) {
        violations.push(`invariant check threw (malformed stored object?): ${(err as Error)?.stack ?? String(err)}`)
      }
    }
    return { violations, records, ms }
  }
}

/** How an object lands through the API: created when new, otherwise its spec and labels replace the stored ones. */
export interface ApiApplyResult {
  created: number
  updated: number
  rejected: { object: string; message: string }[]
  violations: string[]
}

function mergeForUpdate(old: KubeObject, next: Record<string, any>): KubeObject {
  const merged: Record<string, any> = { ...old, ...next, metadata: { ...old.metadata, labels: next.metadata?.labels ?? old.metadata.labels } }
  if (old.kind === 'Service' && next.spec && typeof next.spec === 'object' && !Array.isArray(next.spec)) {
    // What kubectl apply's merge keeps: the allocated cluster IP and node ports the manifest did not set.
    const spec = { ...next.spec }
    spec.clusterIP ??= old.spec?.clusterIP
    spec.clusterIPs ??= old.spec?.clusterIPs
    if (Array.isArray(spec.ports)) spec.ports = spec.ports.map((p: any, i: number) => (p && typeof p === 'object' && p.nodePort === undefined && old.spec?.ports?.[i]?.nodePort !== undefined ? { ...p, nodePort: old.spec.ports[i].nodePort } : p))
    merged.spec = spec
  }
  if (old.status !== undefined) merged.status = old.status
  return merged as KubeObject
}

/**
 * Parses a manifest as kubectl does and writes each object through the API server, then converges. A
 * rejected write must leave the store exactly as it was; anything but an ApiError escaping is a violation.
 */
export function applyThroughApi(cluster: Cluster, text: string): ApiApplyResult {
  const result: ApiApplyResult = { created: 0, updated: 0, rejected: [], violations: [] }
  let parsed
  try {
    parsed = parseManifests(text, 'fuzz.yaml')
  } catch (err) {
    result.violations.push(`parseManifests threw: ${(err as Error)?.stack ?? String(err)}`)
    return result
  }
  for (const doc of parsed.docs) {
    const obj = doc.object as Record<string, any>
    const label = `${String(obj.kind)} ${JSON.stringify(obj.metadata?.name ?? null)?.slice(0, 60)}`
    const before = cluster.store.version
    const beforeObjects = storeFingerprint(cluster)
    try {
      const meta = obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {}
      const old = typeof meta.name === 'string' ? cluster.store.get(obj.kind, meta.namespace ?? (cluster.store.get('Namespace', undefined, 'default') ? 'default' : undefined), meta.name) : undefined
      if (old) {
        cluster.api.update(mergeForUpdate(old, obj))
        result.updated++
      } else {
        cluster.api.create(obj as KubeObject)
        result.created++
      }
    } catch (err) {
      if (!(err instanceof ApiError)) {
        result.violations.push(`API write of ${label} threw ${(err as Error)?.stack ?? String(err)}`)
        continue
      }
      result.rejected.push({ object: label, message: err.message })
      if (cluster.store.version !== before) result.violations.push(`rejected write of ${label} moved the store from version ${before} to ${cluster.store.version}`)
      else if (storeFingerprint(cluster) !== beforeObjects) result.violations.push(`rejected write of ${label} changed stored objects`)
    }
  }
  try {
    cluster.converge()
  } catch (err) {
    result.violations.push(`converge threw: ${(err as Error)?.stack ?? String(err)}`)
  }
  return result
}

export interface SequenceReport {
  /** The first step whose checks failed, with what broke; undefined when every step held. */
  failure?: { step: number; line: string; violations: string[] }
  transcript: string
  steps: number
  ms: number[]
  reached: Reached
  /** Applies of one object that were rejected, checked to have changed nothing. */
  rejectedSingles: number
}

/**
 * Runs commands one by one in a fresh session, checking the invariants after each: nothing throws, the
 * cluster stays sound, and a rejected apply of one object changes nothing.
 */
export function runSequence(seed: number, commands: { line: string; manifest?: string; single?: boolean; kind: string }[]): SequenceReport {
  const fuzz = new FuzzSession(seed)
  const report: SequenceReport = { transcript: '', steps: 0, ms: [], reached: fuzz.reached, rejectedSingles: 0 }
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]
    const line = c.manifest !== undefined ? c.line.replace('@FILE@', fuzz.file(c.manifest)) : c.line
    if (c.manifest !== undefined && BURSTY.test(c.manifest)) fuzz.bursty = true
    const cluster = fuzz.session.cluster
    const before = c.single && cluster ? { version: cluster.store.version, objects: storeFingerprint(cluster) } : undefined
    const step = fuzz.step(line)
    report.steps++
    report.ms.push(step.ms)
    report.transcript += transcriptOf(step.records) + JSON.stringify(step.records.map((r) => r.traces)) + '\n'
    const violations = [...step.violations]
    if ((c.kind === 'curl-pod' || c.kind === 'curl-ip') && c.line.startsWith('kubectl exec client') && fuzz.session.cluster) {
      violations.push(...checkServiceTraffic(fuzz.session.cluster, step.records.flatMap((r) => r.traces), { namespace: 'default', name: 'web' }, 'client', fuzz.reached))
    }
    const rejected = step.records.length > 0 && step.records.every((r) => r.exitCode !== 0)
    if (before && rejected && fuzz.session.cluster === cluster && cluster) {
      report.rejectedSingles++
      if (cluster.store.version !== before.version) violations.push(`rejected apply moved the store from version ${before.version} to ${cluster.store.version}`)
      else if (storeFingerprint(cluster) !== before.objects) violations.push('rejected apply changed stored objects')
    }
    if (violations.length) {
      report.failure = { step: i, line: line.slice(0, 300), violations }
      break
    }
  }
  return report
}
