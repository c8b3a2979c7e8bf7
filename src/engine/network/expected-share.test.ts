import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../shell/session.ts'
import { expectedShare } from './expected-share.ts'

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('expectedShare', () => {
  it('a NodePort Service with three endpoints: a third each, through KUBE-SERVICES → KUBE-NODEPORTS → KUBE-EXT → KUBE-SVC', () => {
    const s = new ShellSession({ seed: 1 })
    s.runScript('kubectl create deployment kubia --image=luksa/kubia --replicas=3\nkubectl expose deployment kubia --port=80 --target-port=8080 --type=NodePort --name=kubia\nkubectl wait --for=condition=Ready pod -l app=kubia --timeout=60s\n')
    const svc = s.cluster!.store.list('Service').find((o) => o.metadata.name === 'kubia')!
    const nodePort = svc.spec!.ports[0].nodePort as number
    const share = expectedShare(s.cluster!, { from: 'host', ip: '172.18.0.3', port: nodePort })!
    expect(share.endpoints).toHaveLength(3)
    for (const e of share.endpoints) expect(e.share).toBeCloseTo(1 / 3, 6)
    expect(share.endpoints.every((e) => e.pod?.startsWith('pod/kubia-'))).toBe(true)
    expect(share.dropped).toBe(0)
    expect(share.chains[0]).toBe('KUBE-SERVICES')
    expect(share.chains.some((c) => c.startsWith('KUBE-SVC-'))).toBe(true)
    // From a pod to the cluster IP: the same cascade on the pod's node.
    const client = s.runScript('kubectl run c --image=busybox -- sleep 1d\nkubectl wait --for=condition=Ready pod/c\n')
    expect(client.at(-1)!.exitCode).toBe(0)
    const fromPod = expectedShare(s.cluster!, { from: 'pod/c', ip: svc.spec!.clusterIP, port: 80 })!
    expect(sum(fromPod.endpoints.map((e) => e.share))).toBeCloseTo(1, 9)
  })

  it('nftables mode: numgen random mod 3 gives each endpoint a third', () => {
    const s = new ShellSession({ seed: 1 })
    s.hostFiles.set('kind.yaml', 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  kubeProxyMode: nftables\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\n')
    s.runScript('kind create cluster --config kind.yaml\nkubectl create deployment kubia --image=luksa/kubia --replicas=3\nkubectl expose deployment kubia --port=80 --target-port=8080 --type=NodePort --name=kubia\nkubectl wait --for=condition=Ready pod -l app=kubia --timeout=60s\n')
    const svc = s.cluster!.store.list('Service').find((o) => o.metadata.name === 'kubia')!
    const share = expectedShare(s.cluster!, { from: 'host', ip: '172.18.0.3', port: svc.spec!.ports[0].nodePort as number })!
    expect(share.endpoints).toHaveLength(3)
    for (const e of share.endpoints) expect(e.share).toBeCloseTo(1 / 3, 6)
    expect(share.chains).toContain('services')
  })

  it('externalTrafficPolicy Local behind a cloud load balancer: 50/25/25; the empty node drops', () => {
    const s = new ShellSession({ seed: 1 })
    s.hostFiles.set('app.yaml', readFileSync('scenarios/16-local-traffic-policy/app.yaml', 'utf8'))
    s.runScript([
      'gcloud container clusters create demo --num-nodes 3',
      "NODE_A=$(kubectl get nodes -o jsonpath='{.items[0].metadata.name}')",
      "NODE_B=$(kubectl get nodes -o jsonpath='{.items[1].metadata.name}')",
      'kubectl label node $NODE_A $NODE_B pool=web',
      'kubectl apply -f app.yaml', 'sleep 60', '',
    ].join('\n'))
    const svc = s.cluster!.store.list('Service').find((o) => o.metadata.name === 'web')!
    const lb = svc.status!.loadBalancer.ingress[0].ip as string
    const share = expectedShare(s.cluster!, { from: 'internet', ip: lb, port: 80 })!
    expect(share.entries).toHaveLength(2)
    expect(share.endpoints.map((e) => e.share).sort()).toEqual([0.25, 0.25, 0.5])
    const empty = s.cluster!.profile.nodes.find((n) => !share.entries.some((e) => e.node === n.name))!
    const direct = expectedShare(s.cluster!, { from: 'internet', ip: empty.internalIP, port: svc.spec!.ports[0].nodePort })!
    expect(direct.endpoints).toEqual([])
    expect(direct.dropped).toBe(1)
  })

  it('an address no Service owns has no expected share', () => {
    const s = new ShellSession({ seed: 1 })
    s.runScript('kubectl get nodes\n')
    expect(expectedShare(s.cluster!, { from: 'host', ip: '8.8.8.8', port: 80 })).toBeNull()
  })
})
