// What the kubelet and containerd remember about one container across its instances: where it is in its life
// (image pulling, running, exited, waiting out a back-off), its restart count and back-off, and what each instance
// wrote. Pure data and the kubelet's back-off arithmetic (client-go util/flowcontrol.Backoff as the kubelet uses
// it: pkg/kubelet/kubelet.go backOffPeriod 10 s, MaxContainerBackOff 300 s).
import type { ProcessPlan } from '../images/process.ts'

const INITIAL_BACKOFF = 10
export const MAX_BACKOFF = 300

/** One line a process wrote, at simulated time `at`. */
export interface LogLine { at: number; line: string }

/** An instance that ended: what `lastState.terminated` (or `state.terminated`) shows. */
export interface Termination {
  exitCode: number
  reason: string
  message?: string
  startedAt: number
  finishedAt: number
  containerID: string
}

/** One started instance of the container: when it started, what it runs, what it wrote. */
export interface Instance {
  startedAt: number
  containerID: string
  plan: ProcessPlan
  /** Lines written at start (the server's start-up lines) and by the plan. */
  lines: LogLine[]
}

export interface ContainerLife {
  /**
   * `sandbox`: the pod's sandbox is being created (until `until`), nothing asked of the image yet; `pulling` the image
   * (Pulling event sent, Pulled at `until`, or the registry's refusal then when `pull.failure`); `pullFailed`
   * (ErrImagePull, then ImagePullBackOff until `until`); `running`; `exited` (restarts at `until`, or never when it is Infinity).
   */
  phase: 'sandbox' | 'pulling' | 'pullFailed' | 'running' | 'exited'
  until: number
  /** state.waiting while not running: ContainerCreating, ErrImagePull, ImagePullBackOff, CrashLoopBackOff. */
  waiting?: { reason: string; message?: string }
  /** When the pull began and how long it took (for the Pulled event); `failure`: what the registry answers at its end. */
  pull?: { began: number; seconds: number; failure?: { code: string; error: string } }
  /** The image pull back-off: the next wait, and when the last pull failed. */
  pullBackoff: number
  pullFailedAt?: number
  restartCount: number
  /** While in CrashLoopBackOff: when the pod worker syncs again (its 10 s error back-off) and records BackOff again. */
  resyncAt?: number
  /** The crash back-off entry for this container (flowcontrol.Backoff's per-key backoff and lastUpdate). */
  backoff?: { seconds: number; lastUpdate: number }
  /**
   * The kubelet is killing the running instance after a failed liveness/startup probe (killContainer): SIGTERM at
   * `at`, the process gone at `exitAt` (at once when PID 1 handles SIGTERM, else SIGKILL after the grace period).
   */
  kill?: { at: number; exitAt: number; exitCode: number; reason: string; restart: boolean }
  /** The running (or last) instance, and the one before it (`kubectl logs --previous`). */
  current?: Instance
  previous?: Instance
  /** The end of `current` once it exited; the end of `previous` (lastState.terminated). */
  terminated?: Termination
  lastTerminated?: Termination
}

export function newLife(): ContainerLife {
  return { phase: 'pulling', until: Infinity, waiting: { reason: 'ContainerCreating' }, pullBackoff: INITIAL_BACKOFF, restartCount: 0 }
}

/** flowcontrol.Backoff.IsInBackOffSince: still inside the window that began when the instance finished. */
export function inBackOff(life: ContainerLife, finishedAt: number, now: number): boolean {
  return !!life.backoff && now - finishedAt < life.backoff.seconds
}

/** flowcontrol.Backoff.Next: the first (or, after 2×max of quiet, a fresh) back-off is 10 s, then it doubles up to 5 min. */
export function nextBackOff(life: ContainerLife, now: number): void {
  const b = life.backoff
  if (!b || now - b.lastUpdate > 2 * MAX_BACKOFF) life.backoff = { seconds: INITIAL_BACKOFF, lastUpdate: now }
  else life.backoff = { seconds: Math.min(b.seconds * 2, MAX_BACKOFF), lastUpdate: now }
}

/** Go's time.Duration String for whole seconds: `10s`, `1m20s`, `5m0s`. */
export function goDuration(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return `${h ? `${h}h` : ''}${m}m${s % 60}s`
}

/** Lines an instance has written by `now` (its loop's lines too), at most `limit` of the latest. */
export function linesUntil(inst: Instance, now: number, limit = 5000): LogLine[] {
  const out = inst.lines.filter((l) => l.at <= now + 1e-9)
  const r = inst.plan.repeat
  if (r) {
    const start = inst.startedAt + r.from
    const rounds = Math.min(Math.floor((now - start) / r.period + 1e-9) + 1, limit)
    const first = Math.max(0, Math.floor((now - start) / r.period + 1e-9) + 1 - rounds)
    for (let i = first; i < first + rounds && start + i * r.period <= now + 1e-9; i++) for (const line of r.lines) out.push({ at: start + i * r.period, line })
  }
  return out.length > limit ? out.slice(out.length - limit) : out
}
