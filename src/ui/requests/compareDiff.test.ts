import { describe, expect, it } from 'vitest'
import type { TraceHop } from '../../engine/trace/types.ts'
import { differingHops } from './compareDiff.ts'

const hop = (at: string, action: string, rule: string | null = null): TraceHop =>
  ({ at, component: 'kube-proxy', action, src: '172.18.0.1:1', dst: '172.18.0.3:30123', srcAfter: '172.18.0.1:1', dstAfter: '172.18.0.3:30123', rule, note: '' })

describe('differingHops', () => {
  it('marks where Cluster and Local part: the masquerade mark and SNAT on one side, the drop on the other', () => {
    const common = [hop('host', 'connect'), hop('node/kind-worker', 'jump', '-A PREROUTING -j KUBE-SERVICES'), hop('node/kind-worker', 'jump', '-A KUBE-SERVICES -j KUBE-NODEPORTS')]
    const cluster = [...common, hop('node/kind-worker', 'mark-masq', '-A KUBE-EXT-X -j KUBE-MARK-MASQ'), hop('node/kind-worker', 'DNAT', '-A KUBE-SEP-A -j DNAT --to-destination 10.244.2.2:8080'),
      hop('node/kind-worker', 'SNAT', '-A KUBE-POSTROUTING -j MASQUERADE'), hop('pod/kubia-a', 'accept')]
    const local = [...common, hop('node/kind-worker', 'drop', '-A KUBE-XLB-X -j KUBE-MARK-DROP')]
    const [a, b] = differingHops(cluster, local)
    expect(a).toEqual([false, false, false, true, true, true, true])
    expect(b).toEqual([false, false, false, true])
  })

  it('finds nothing to mark on identical paths', () => {
    const p = [hop('host', 'connect'), hop('node/kind-worker', 'DNAT', '-A KUBE-SEP-A -j DNAT --to-destination 10.244.2.2:8080')]
    expect(differingHops(p, [...p])).toEqual([[false, false], [false, false]])
  })
})
