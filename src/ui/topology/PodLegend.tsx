// The key to the pod boxes' looks, folded by default in the canvas's top-right corner: each look with the
// kubectl STATUS values it stands for.
import type { PodState } from './model.ts'

const ROWS: { state: PodState; mark: string; label: string; statuses: string }[] = [
  { state: 'running', mark: '●', label: 'Ready', statuses: 'Running, every container ready' },
  { state: 'not-ready', mark: '●', label: 'Not ready', statuses: 'Running, a readiness probe failing (READY 0/1): no traffic' },
  { state: 'creating', mark: '◌', label: 'Starting', statuses: 'ContainerCreating, Init:0/1, PodInitializing' },
  { state: 'pending', mark: '◷', label: 'Pending', statuses: 'not scheduled to a node yet' },
  { state: 'terminating', mark: '⊖', label: 'Terminating', statuses: 'deleted, grace period running; out of the endpoints' },
  { state: 'failed', mark: '✕', label: 'Failing', statuses: 'CrashLoopBackOff, Error, ErrImagePull, ImagePullBackOff' },
  { state: 'completed', mark: '✓', label: 'Completed', statuses: 'exited 0 and not restarted (Jobs)' },
]

export function PodLegend() {
  return (
    <details className="pod-legend">
      <summary>Pod states</summary>
      <ul aria-label="Pod states">
        {ROWS.map((r) => (
          <li key={r.state}>
            <span className={`pod-legend__swatch topo-pod--${r.state}`} aria-hidden="true">{r.mark}</span>
            <b>{r.label}</b> <span className="pod-legend__statuses">{r.statuses}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}
