// kubectl's wait for deleted objects (delete.go DeleteResult → cmdwait.IsDeleted, drain's waitForDelete): the
// command returns once every object it deleted is gone (a new object under the same name does not count), or after
// the timeout (168 h when none is given). On the simulated clock the wait jumps from event to event.
import type { KubectlContext } from '../context.ts'
import type { KubeObject } from '../../../engine/api/types.ts'

const WEEK = 168 * 3600

/** Advances the clock until every object is gone; returns the ones still there at the timeout. */
export function waitUntilDeleted(ctx: KubectlContext, objects: KubeObject[], timeout = WEEK): KubeObject[] {
  const cluster = ctx.cluster
  const left = () => objects.filter((o) => cluster.store.get(o.kind, o.metadata.namespace, o.metadata.name)?.metadata.uid === o.metadata.uid)
  const deadline = cluster.clock.now() + timeout
  let first = true
  for (let pending = left(); pending.length; pending = left()) {
    const next = cluster.nextEventAt()
    if (cluster.clock.now() >= deadline) return pending
    // Nothing scheduled can remove them (a pod on a stopped node): the wait runs out its timeout.
    cluster.advanceTo(next === undefined ? deadline : Math.min(Math.max(next, cluster.clock.now()), deadline), { keepSteady: !first })
    first = false
  }
  return []
}
