import { describe, expect, it } from 'vitest'
import { ControllerManager } from './manager.ts'
import type { Controller, Write } from './controller.ts'
import { ObjectStore } from '../api/store.ts'
import { SeededRandom } from '../sim/random.ts'
import { SimClock } from '../sim/clock.ts'
import { NodeRuntime } from '../node/runtime.ts'
import type { KubeObject } from '../api/types.ts'

const config = { clusterDomain: 'cluster.local', clusterDNS: '10.96.0.10', clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/16' }

function setup(controllers: Controller[]) {
  const clock = new SimClock(0)
  const store = new ObjectStore(new SeededRandom(1), clock)
  const apply = (w: Write) => {
    if (w.op === 'create') store.create(w.object)
    else if (w.op === 'update') store.update(w.object)
    else store.remove(w.key)
  }
  const manager = new ControllerManager(controllers, store, clock, new SeededRandom(1), new NodeRuntime(), apply, () => {}, config)
  return { clock, store, manager }
}

const cm = (name: string, data: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data })

describe('ControllerManager', () => {
  it('runs a controller to convergence and a second pass writes nothing', () => {
    // Copies every ConfigMap `x` to `x-copy`: converges after one write per source.
    let syncs = 0
    const copier: Controller = {
      name: 'copier',
      keysFor: (change) => (change.object.metadata.name.endsWith('-copy') ? [] : [change.key]),
      sync: (key, ctx) => {
        syncs++
        const src = ctx.store.getByKey(key)
        if (!src || ctx.store.get('ConfigMap', 'default', `${src.metadata.name}-copy`)) return { writes: [] }
        return { writes: [{ op: 'create', object: cm(`${src.metadata.name}-copy`, src.data as Record<string, string>) }] }
      },
    }
    const { store, manager } = setup([copier])
    store.create(cm('a', { k: 'v' }))
    store.create(cm('b'))
    expect(manager.runToConvergence()).toEqual({ processed: 2 })
    expect(store.get('ConfigMap', 'default', 'a-copy')?.data).toEqual({ k: 'v' })
    expect(manager.runToConvergence().processed).toBe(0)
    expect(syncs).toBe(2)
  })

  it('reports a livelock instead of hanging', () => {
    // Flips a counter forever: every write re-enqueues the key.
    const flipper: Controller = {
      name: 'flipper',
      keysFor: (change) => [change.key],
      sync: (key, ctx) => {
        const obj = ctx.store.getByKey(key)!
        return { writes: [{ op: 'update', object: { ...obj, data: { n: String(Number((obj.data as any)?.n ?? 0) + 1) } } }] }
      },
    }
    const { store, manager } = setup([flipper])
    manager.maxSyncsPerRun = 50
    store.create(cm('loop'))
    const report = manager.runToConvergence()
    expect(report.livelock).toMatch(/did not converge after 50 syncs/)
    expect(manager.log.some((e) => e.type === 'livelock')).toBe(true)
  })

  it('fires requeueAfter timers in simulated time order', () => {
    const fired: number[] = []
    const ticker: Controller = {
      name: 'ticker',
      keysFor: (change) => (change.type === 'added' ? [change.key] : []),
      sync: (_key, ctx) => {
        fired.push(ctx.now)
        return { writes: [], requeueAfter: 10 }
      },
    }
    const { store, manager, clock } = setup([ticker])
    store.create(cm('t'))
    manager.runToConvergence()
    manager.advance(35)
    expect(fired).toEqual([0, 10, 20, 30])
    expect(clock.now()).toBe(35)
  })
})
