// client-go's event recorder: Events named `<object>.<hex time>`, repeated events folded into one with a count.
import type { ObjectStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { SimClock } from '../sim/clock.ts'
import type { EventRecord } from '../controllers/controller.ts'
import { kindInfo } from '../api/kinds.ts'

export class EventRecorder {
  private seq = 0
  private byIdentity = new Map<string, string>()

  constructor(private readonly store: ObjectStore, private readonly clock: SimClock) {}

  record(record: EventRecord): void {
    const inv = record.involved
    const namespace = inv.metadata.namespace ?? 'default'
    const identity = [inv.kind, namespace, inv.metadata.name, inv.metadata.uid, record.type, record.reason, record.message, record.source, record.host ?? ''].join('\u0000')
    const now = this.clock.nowRfc3339()
    const existingName = this.byIdentity.get(identity)
    const existing = existingName ? this.store.get('Event', namespace, existingName) : undefined
    if (existing) {
      this.store.update({ ...existing, count: ((existing.count as number) ?? 1) + 1, lastTimestamp: now })
      return
    }
    // The real name is `<name>.<hex UnixNano>`; a sequence keeps it unique within one simulated second.
    const name = `${inv.metadata.name}.${(BigInt(Math.floor(this.clock.now())) * 1_000_000_000n + BigInt(this.seq++)).toString(16)}`
    this.byIdentity.set(identity, name)
    const event: KubeObject = {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: inv.apiVersion, kind: inv.kind, name: inv.metadata.name, uid: inv.metadata.uid,
        resourceVersion: inv.metadata.resourceVersion, ...(kindInfo(inv.kind)?.namespaced === false ? {} : { namespace }),
      },
      reason: record.reason, message: record.message, type: record.type, count: 1,
      source: { component: record.source, ...(record.host ? { host: record.host } : {}) },
      firstTimestamp: now, lastTimestamp: now, eventTime: null,
      reportingComponent: record.source, reportingInstance: record.host ?? '',
    }
    this.store.create(event)
  }
}
