// The DaemonSet controller against pkg/controller/daemon/daemon_controller.go: one pod per eligible node (node
// selector, taints tolerated with the daemon tolerations added), replacements for deleted pods, status counts;
// printed as printers.go printDaemonSet does.
import { describe, expect, it } from 'vitest'
import { apply, assertIdle, getObj, listObj, testCluster } from './testing.ts'
import { ShellSession } from '../../shell/session.ts'

const ds = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name, namespace: 'default' },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'nginx' }], ...spec } } },
})

const podsOf = (c: ReturnType<typeof testCluster>, name: string) => listObj(c, 'Pod', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.name === name)

describe('daemonset-controller', () => {
  it('owns kind\'s kindnet and kube-proxy pods, one per node, with the real status', () => {
    const c = testCluster()
    for (const name of ['kindnet', 'kube-proxy']) {
      const d = getObj(c, 'DaemonSet', 'kube-system', name)
      expect(d.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0 })
      const pods = listObj(c, 'Pod', 'kube-system').filter((p) => p.metadata.ownerReferences?.[0]?.uid === d.metadata.uid)
      expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2'])
    }
  })

  it('skips the tainted control plane unless tolerated; pins each pod with a matchFields affinity; replaces a deleted pod on its node', () => {
    const c = testCluster()
    apply(c, ds('agent'))
    const pods = podsOf(c, 'agent')
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2'])
    expect(pods[0].spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0]).toEqual({ key: 'metadata.name', operator: 'In', values: [pods[0].spec.nodeName] })
    expect(pods[0].spec.tolerations).toContainEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' })
    expect(getObj(c, 'DaemonSet', 'default', 'agent').status.desiredNumberScheduled).toBe(2)
    c.api.delete('Pod', 'default', pods[0].metadata.name, { gracePeriodSeconds: 0 })
    c.converge()
    const again = podsOf(c, 'agent')
    expect(again.map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2'])
    expect(again.map((p) => p.metadata.name)).not.toContain(pods[0].metadata.name)
    apply(c, ds('everywhere', { tolerations: [{ operator: 'Exists' }] }), ds('nowhere', { nodeSelector: { disk: 'ssd' } }))
    expect(podsOf(c, 'everywhere')).toHaveLength(3)
    expect(podsOf(c, 'nowhere')).toHaveLength(0)
    assertIdle(c)
  })

  it('kubectl get ds -n kube-system prints printDaemonSet\'s columns; ds is its short name', () => {
    const s = new ShellSession({ seed: 1 })
    const out = s.runScript('kubectl get ds -n kube-system').map((r) => r.chunks.map((ch) => ch.text).join('')).join('')
    expect(out).toBe([
      'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE',
      'kindnet      3         3         3       3            3           <none>                   2m',
      'kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   2m', ''].join('\n'))
  })
})
