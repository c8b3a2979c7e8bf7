// A ready-made AdmissionContext for tests and scenario scripts: kind's service range and node ports,
// and a store lookup backed by a plain map.
import type { KubeObject } from '../api/types.ts'
import { SeededRandom } from '../sim/random.ts'
import { newAllocators } from './index.ts'
import type { AdmissionContext } from './types.ts'

export function testContext(seed = 1, objects: KubeObject[] = []): AdmissionContext {
  const rng = new SeededRandom(seed)
  const nodePortRange = { base: 30000, size: 2768 }
  const byKey = new Map(objects.map((o) => [`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]))
  return {
    rng,
    allocators: newAllocators('10.96.0.0/16', nodePortRange, rng),
    serviceCIDR: '10.96.0.0/16',
    nodePortRange,
    nowRfc3339: '2026-01-01T09:00:00Z',
    get: (kind, ns, name) => byKey.get(`${kind}/${ns ?? ''}/${name}`),
    list: (kind) => objects.filter((o) => o.kind === kind),
  }
}
