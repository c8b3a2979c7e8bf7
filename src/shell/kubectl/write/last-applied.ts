// The `kubectl.kubernetes.io/last-applied-configuration` annotation: the object as the file gave it
// (namespace filled in, that annotation removed, `annotations: {}` kept), Go-compact JSON with sorted
// keys and a newline. Upstream: kubectl/pkg/util/apply.go GetModifiedConfiguration.
import { toCompactJson } from '../print/json.ts'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** Returns the object to send: the file's object with its last-applied annotation set. */
export function withLastApplied(obj: Record<string, unknown> & { metadata: Record<string, unknown> }): Record<string, unknown> & { metadata: Record<string, unknown> } {
  const annotations = { ...((obj.metadata.annotations ?? {}) as Record<string, string>) }
  delete annotations[LAST_APPLIED]
  const bare = { ...obj, metadata: { ...obj.metadata, annotations } }
  const text = toCompactJson(bare) + '\n'
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: text } } }
}

export function lastAppliedOf(live: { metadata: { annotations?: Record<string, string> } }): Record<string, unknown> | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED]
  if (!text) return undefined
  try {
    const v = JSON.parse(text) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
