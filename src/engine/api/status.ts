// metav1.Status failures and the admission contract as the API server sees them: the types the REST layer shares
// with validation and admission, kept here so that the API server (this layer) imports nothing above it.
import type { KubeObject } from './types.ts'

type StatusReason = 'Invalid' | 'AlreadyExists' | 'NotFound' | 'Forbidden' | 'BadRequest' | 'Conflict' | 'InternalError'

interface StatusCause {
  reason: string
  message: string
  field: string
}

/** A metav1.Status failure as the API server returns it. */
export interface StatusError {
  code: number
  reason: StatusReason
  /** Status.message exactly as the API server sends it (`Service "x" is invalid: ...`). */
  message: string
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] }
}

export interface AdmissionResult {
  object?: KubeObject
  error?: StatusError
  /** API server warnings, printed by kubectl as `Warning: <text>`. */
  warnings: string[]
}

/** The admission path (src/engine/admission), as the API server calls it; the cluster wires the two together. */
export interface Admission {
  create(obj: KubeObject): AdmissionResult
  update(obj: KubeObject, old: KubeObject): AdmissionResult
  /** Gives back what an object held (its cluster IPs and node ports) when it is gone or was only a dry run. */
  release(obj: KubeObject): void
}
