// Property test of the endpoint controllers on named target ports: pods that name the Service's target port on
// different numbers (in a container or a sidecar), pods that name another port or none, or name it for the other
// protocol. Endpoints and EndpointSlices must list exactly the Ready pods that resolve each port, each on its own
// number (pkg/api/v1/pod FindPort, as pkg/controller/endpoint and endpointslice use it).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Cluster } from '../engine/cluster/cluster.ts'
import { defaultKindProfile } from '../engine/cluster/kind-config.ts'
import type { KubeObject } from '../engine/api/types.ts'
import { checkCluster, newReached } from './invariants.ts'

const SEED = 5150
/** Floors on the (pod, port) pairs the check reached: about half of what this seed gives (33 named ports resolved,
 * 118 left out, 110 pairs in all), so a generator change that stops reaching the check fails here. */
const FLOOR = { namedPorts: 15, unresolvedNamedPorts: 50, endpointPorts: 50 }

const namedPort = fc.record({
  where: fc.constantFrom('container', 'container', 'sidecar', 'init'),
  name: fc.constantFrom('http', 'http', 'web'),
  number: fc.constantFrom(80, 8080, 9376),
  protocol: fc.constantFrom('TCP', 'TCP', 'UDP'),
})
const podPorts = fc.option(namedPort, { nil: undefined, freq: 4 })

type NamedPort = typeof namedPort extends fc.Arbitrary<infer T> ? T : never

function pod(namespace: string, i: number, port: NamedPort | undefined): KubeObject {
  const ports = port ? [{ name: port.name, containerPort: port.number, protocol: port.protocol }] : undefined
  const main = { name: 'main', image: 'nginx', ...(ports && port!.where === 'container' ? { ports } : {}) }
  // A sidecar (an init container that keeps running) can serve a named port; a plain init container cannot.
  const init = ports && port!.where !== 'container' ? [{ name: 'side', image: 'envoy', ports, ...(port!.where === 'sidecar' ? { restartPolicy: 'Always' } : {}) }] : undefined
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace, labels: { app: 'web' } }, spec: { containers: [main], ...(init ? { initContainers: init } : {}) } } as KubeObject
}

describe('endpoint controllers on named target ports (property)', () => {
  it('list exactly the Ready pods whose containers name the target port, each on its own number', () => {
    const reached = newReached()
    // One cluster, a namespace per case: the check reads only the case's own Service and pods (kube-system's are not counted).
    const cluster = new Cluster(defaultKindProfile(), 1)
    let n = 0
    fc.assert(fc.property(fc.array(podPorts, { minLength: 1, maxLength: 6 }), fc.constantFrom('TCP', 'TCP', 'TCP', 'UDP'), fc.boolean(), (ports, protocol, numericToo) => {
      const namespace = `case${n++}`
      cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } } as KubeObject)
      ports.forEach((p, i) => cluster.api.create(pod(namespace, i, p)))
      cluster.api.create({
        apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace },
        spec: { selector: { app: 'web' }, ports: [{ name: 'named', port: 80, targetPort: 'http', protocol }, ...(numericToo ? [{ name: 'plain', port: 81, targetPort: 8081, protocol: 'TCP' }] : [])] },
      } as KubeObject)
      cluster.converge()
      cluster.advance(20) // the kubelets pull nginx and start the containers
      expect(checkCluster(cluster, true, { reached })).toEqual([])
      cluster.api.delete('Service', namespace, 'web') // so later cases count only their own pairs
    }), { numRuns: 40, seed: SEED })
    expect(reached.namedPorts).toBeGreaterThanOrEqual(FLOOR.namedPorts)
    expect(reached.unresolvedNamedPorts).toBeGreaterThanOrEqual(FLOOR.unresolvedNamedPorts)
    expect(reached.endpointPorts).toBeGreaterThanOrEqual(FLOOR.endpointPorts)
  })
})
