// Messages between the UI thread and the engine worker; both sides import these types.
import type { ClusterSnapshot } from '../engine/snapshot.ts'

export type EngineRequest =
  /** Reconcile the cluster against the document text (all its `---` documents). */
  | { type: 'apply'; text: string }
  /** Run one shell line (kubectl, curl, ...); answered by an `output` with the same id. */
  | { type: 'exec'; id: number; line: string }

export type EngineResponse =
  | { type: 'snapshot'; snapshot: ClusterSnapshot }
  | { type: 'output'; id: number; output: string; exitCode: number }
  /** The engine could not handle a request; the UI keeps its last snapshot. */
  | { type: 'error'; message: string }
