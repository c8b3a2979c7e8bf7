// Behaviours 22–24: LoadBalancer Services with cloud-provider-kind and on a cloud, externalTrafficPolicy Local
// (50/25/25 over 1 + 2 pods, a hang on a node without a local pod, the client IP kept), firewall rules.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { run } from './test-helpers.ts'
import { ServiceLoadBalancerController } from '../../engine/cloud/service-lb-controller.ts'
import { Cluster } from '../../engine/cluster/cluster.ts'
import { keyOf } from '../../engine/api/types.ts'
import { worldFor } from '../../engine/network/cluster-world.ts'
import { httpExchange } from '../../engine/network/http-exchange.ts'
import { gkeProfile } from '../../engine/cluster/other-profiles.ts'
import { SeededRandom } from '../../engine/sim/random.ts'

/** Runs the service controller by hand (the lead registers it in createControllers). */
function syncLoadBalancers(cluster: Cluster): void {
  const controller = new ServiceLoadBalancerController()
  for (const svc of cluster.store.list('Service')) {
    const result = controller.sync(keyOf(svc), { store: cluster.store, now: cluster.clock.now(), rng: cluster.rng.fork('lb-test'), runtime: cluster.runtime, config: cluster.config })
    for (const w of result.writes) if (w.op === 'update') cluster.api.updateStatus(w.object)
  }
}

function pinnedApp(nodes: string[]): string {
  const pods = nodes.map((node, i) => `---
apiVersion: v1
kind: Pod
metadata: {name: web-${i}, labels: {app: web}}
spec:
  nodeName: ${node}
  containers: [{name: main, image: luksa/kubia, ports: [{containerPort: 8080}]}]
`).join('')
  return `kubectl apply -f - <<YAML
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 30500}]
${pods}YAML
sleep 20
`
}

describe('LoadBalancer on kind with cloud-provider-kind', () => {
  const session = new ShellSession({ seed: 3 })
  run(session, pinnedApp(['kind-worker', 'kind-worker2', 'kind-worker2']))
  const cluster = session.cluster!

  it('stays <pending> and works as a NodePort until cloud-provider-kind runs', () => {
    syncLoadBalancers(cluster)
    expect(cluster.store.get('Service', 'default', 'web')!.status?.loadBalancer?.ingress).toBeUndefined()
    const r = run(session, 'curl -s http://172.18.0.3:30500/')
    expect(r.text).toMatch(/You've hit web-0/)
  })

  it('gets an address on the kind network; Local policy gives 50/25/25 over 1 + 2 pods', () => {
    run(session, 'cloud-provider-kind')
    syncLoadBalancers(cluster)
    const ip = cluster.store.get('Service', 'default', 'web')!.status.loadBalancer.ingress[0].ip
    expect(ip).toBe('172.18.0.5')
    const world = worldFor(cluster)
    const counts: Record<string, number> = {}
    for (let i = 0; i < 1000; i++) {
      const ex = httpExchange(world, { kind: 'host' }, { ip, port: 80 }, { method: 'GET', path: '/', scheme: 'http', headers: [['Host', ip]] }, `http://${ip}/`)
      counts[ex.servedBy ?? 'none'] = (counts[ex.servedBy ?? 'none'] ?? 0) + 1
    }
    expect(counts['pod/web-0']).toBeGreaterThan(450)
    expect(counts['pod/web-0']).toBeLessThan(550)
    expect(counts['pod/web-1']).toBeGreaterThan(200)
    expect(counts['pod/web-2']).toBeGreaterThan(200)
    expect(counts.none).toBeUndefined()
  })

  it('a node without a local pod drops node-port traffic (the client hangs)', () => {
    const r = run(session, 'curl -m 5 http://172.18.0.2:30500/')
    expect(r.last.exitCode).toBe(28)
    expect(r.traces.at(-1)!.hops.some((h) => h.action === 'drop' || /DROP/.test(h.rule ?? ''))).toBe(true)
  })
})

describe('LoadBalancer and firewall on a cloud', () => {
  // A GKE-like profile; the first node doubles as the API server's endpoint so the cluster bootstraps.
  const profile = gkeProfile('demo', 2, new SeededRandom(5))
  profile.nodes[0] = { ...profile.nodes[0], role: 'control-plane' }
  const session = new ShellSession({ seed: 5 })
  session.setCluster(new Cluster(profile, 5))
  const cluster = session.cluster!
  const [a, b] = profile.nodes
  run(session, pinnedApp([a.name, b.name, b.name]))

  it('node ports are closed to the internet until a firewall rule allows them', () => {
    const before = run(session, `curl -m 3 http://${a.externalIP}:30500/`)
    expect(before.last.exitCode).toBe(28)
    const after = run(session, `gcloud compute firewall-rules create allow-web --allow=tcp:30500\ncurl -s http://${a.externalIP}:30500/`)
    expect(after.last.exitCode).toBe(0)
    expect(after.traces.at(-1)!.clientIPSeenByServer).toBe('203.0.113.10')
    // gcloud's table: every column as wide as its widest cell plus two spaces; the cluster's own project.
    expect(after.records[0].chunks.map((c) => c.text).join('')).toBe('Creating firewall...⠹Created [https://www.googleapis.com/compute/v1/projects/kubehop-demo/global/firewalls/allow-web].\n'
      + 'Creating firewall...done.\n'
      + 'NAME       NETWORK  DIRECTION  PRIORITY  ALLOW      DENY  DISABLED\n'
      + 'allow-web  default  INGRESS    1000      tcp:30500        False\n')
  })

  it('the cloud LB is pending for a while, then spreads connections 50/25/25 and keeps the client IP', () => {
    syncLoadBalancers(cluster)
    expect(cluster.store.get('Service', 'default', 'web')!.status?.loadBalancer?.ingress).toBeUndefined()
    cluster.advance(60)
    syncLoadBalancers(cluster)
    const ip = cluster.store.get('Service', 'default', 'web')!.status.loadBalancer.ingress[0].ip as string
    expect(ip).toMatch(/^34\./)
    const world = worldFor(cluster)
    const counts: Record<string, number> = {}
    for (let i = 0; i < 1000; i++) {
      const ex = httpExchange(world, { kind: 'host' }, { ip, port: 80 }, { method: 'GET', path: '/', scheme: 'http', headers: [['Host', ip]] }, `http://${ip}/`)
      counts[ex.servedBy ?? 'none'] = (counts[ex.servedBy ?? 'none'] ?? 0) + 1
      if (i === 0) expect(ex.clientIPSeenByServer).toBe('203.0.113.10')
    }
    expect(counts['pod/web-0']).toBeGreaterThan(440)
    expect(counts['pod/web-0']).toBeLessThan(560)
    expect(counts['pod/web-1'] + counts['pod/web-2']).toBe(1000 - counts['pod/web-0'])
  })
})
