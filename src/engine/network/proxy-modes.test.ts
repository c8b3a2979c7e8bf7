import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../shell/session.ts'
import { compareModesFor } from './proxy-modes.ts'

function kubia(seed: number): ShellSession {
  const s = new ShellSession({ seed })
  s.runScript('kubectl create deployment kubia --image=luksa/kubia --replicas=3\nkubectl expose deployment kubia --port=80 --target-port=8080 --type=NodePort\nkubectl wait --for=condition=Ready pod -l app=kubia --timeout=60s\n')
  return s
}

describe('compareModesFor', () => {
  it('a node port from the host: both modes DNAT to the same pod, through KUBE-SVC- and service- chains, DNAT rows paired', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = kubia(seed)
      const svc = s.cluster!.store.list('Service').find((o) => o.metadata.name === 'kubia')!
      const nodePort = svc.spec!.ports[0].nodePort as number
      const c = compareModesFor(s.cluster!, { from: 'host', ip: '172.18.0.3', port: nodePort }, seed)!
      expect(c.node).toBe('kind-worker')
      const [ipt, nft] = c.modes
      expect(ipt.verdict.dnat).toBeDefined()
      expect(nft.verdict.dnat).toEqual(ipt.verdict.dnat)
      expect(ipt.chains.some((x) => x.startsWith('KUBE-SVC-'))).toBe(true)
      expect(nft.chains.some((x) => x.startsWith('service-'))).toBe(true)
      expect(ipt.chains).toHaveLength(ipt.hops.length)
      expect(nft.chains).toHaveLength(nft.hops.length)
      const dnatRow = c.rows.find((r) => r.a !== null && ipt.hops[r.a].action === 'DNAT')!
      expect(dnatRow.b !== null && nft.hops[dnatRow.b].action).toBe('DNAT')
      expect(nft.draws).toBeGreaterThanOrEqual(1)
      // Both masquerade the host's connection: to the node's address, or its veth gateway for a pod of its own.
      expect(['172.18.0.3', '10.244.1.1']).toContain(ipt.verdict.snat?.ip)
      expect(nft.verdict.snat).toEqual(ipt.verdict.snat)
    }
  })

  it('from a pod to the cluster IP: the pod\'s node and the pod\'s address, no masquerade', () => {
    const s = kubia(1)
    s.runScript('kubectl run c --image=busybox -- sleep 1d\nkubectl wait --for=condition=Ready pod/c --timeout=60s\n')
    const pod = s.cluster!.store.list('Pod').find((o) => o.metadata.name === 'c')!
    const svc = s.cluster!.store.list('Service').find((o) => o.metadata.name === 'kubia')!
    const c = compareModesFor(s.cluster!, { from: 'pod/default/c', ip: svc.spec!.clusterIP, port: 80 }, 1)!
    expect(c.node).toBe(pod.spec!.nodeName)
    expect(c.packet.src).toBe(`${pod.status!.podIP}:40000`)
    for (const m of c.modes) expect(m.verdict.snat).toBeUndefined()
    expect(c.modes[1].hops.some((h) => h.rule?.includes('vmap @service-ips → '))).toBe(true)
  })

  it('an address kube-proxy does not decide (no node, load balancer or Service) gives nothing', () => {
    const s = kubia(1)
    expect(compareModesFor(s.cluster!, { from: 'host', ip: '203.0.113.9', port: 80 }, 1)).toBeNull()
  })
})
