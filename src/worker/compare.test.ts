import { describe, expect, it } from 'vitest'
import { defaultFiles } from '../ui/fixtures/defaultDocument.ts'
import { compareRuns, replay } from './compare.ts'
import { EngineHost } from './engineHost.ts'

const drain = (host: EngineHost, line: string) => [...host.run(line)]

describe('compareRuns', () => {
  it('Cluster vs Local on the control-plane node (no kubia pod there): delivered with SNAT vs dropped', () => {
    const host = new EngineHost(1)
    host.apply({ files: defaultFiles, seed: 1 })
    drain(host, 'curl -s http://172.18.0.3:30123')
    const [cluster, local] = compareRuns(host, 'curl -s -m 2 http://172.18.0.2:30123', 'default/kubia', 'externalTrafficPolicy')
    expect(cluster.label).toMatch(/Cluster/)
    expect(cluster.traces[0]).toMatchObject({ outcome: 'delivered' })
    expect(local.traces[0]).toMatchObject({ outcome: 'timeout' })
    expect(local.traces[0].hops.some((h) => h.action === 'drop')).toBe(true)
    // The real cluster is untouched.
    expect(host.cluster!.store.list('Service').find((s) => s.metadata.name === 'kubia')!.spec!.externalTrafficPolicy ?? 'Cluster').toBe('Cluster')
  })

  it('replay rebuilds the same cluster and random stream: the next request goes to the same pod', () => {
    const host = new EngineHost(7)
    host.apply({ files: defaultFiles, seed: 7 })
    drain(host, 'curl -s http://172.18.0.3:30123')
    const copy = replay(host)
    const a = drain(host, 'curl -s http://172.18.0.3:30123')[0].traces[0] as { servedBy: string }
    const b = drain(copy, 'curl -s http://172.18.0.3:30123')[0].traces[0] as { servedBy: string }
    expect(b.servedBy).toBe(a.servedBy)
  })
})
