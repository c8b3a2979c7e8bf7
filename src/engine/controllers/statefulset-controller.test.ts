// The StatefulSet controller against pkg/controller/statefulset/stateful_set_control.go: ordinal names, OrderedReady
// start, scale-down from the highest ordinal, hostname/subdomain and identity labels, template changes rolled from
// the top; printed as printers.go printStatefulSet does.
import { describe, expect, it } from 'vitest'
import { apply, assertIdle, getObj, listObj, settle, testCluster } from './testing.ts'
import { ShellSession } from '../../shell/session.ts'

const sts = (name: string, replicas: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: 'default' },
  spec: {
    serviceName: 'nginx', replicas, selector: { matchLabels: { app: name } }, ...extra,
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
  },
})

const podsOf = (c: ReturnType<typeof testCluster>, name: string) =>
  listObj(c, 'Pod', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.name === name).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))

const deletions = (c: ReturnType<typeof testCluster>) => listObj(c, 'Event', 'default')
  .filter((e) => e.reason === 'SuccessfulDelete').sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)).map((e) => e.message)

describe('statefulset-controller', () => {
  it('creates web-0 first and web-1 only once web-0 is Running and Ready, with its identity on each pod', () => {
    const c = testCluster()
    c.api.create(sts('web', 3))
    c.converge()
    expect(podsOf(c, 'web').map((p) => p.metadata.name)).toEqual(['web-0'])
    settle(c)
    const pods = podsOf(c, 'web')
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2'])
    // Each later ordinal was created after the previous one turned Ready.
    for (let i = 1; i < 3; i++) {
      const readyAt = pods[i - 1].status.conditions.find((x: any) => x.type === 'Ready').lastTransitionTime
      expect(Date.parse(pods[i].metadata.creationTimestamp)).toBeGreaterThanOrEqual(Date.parse(readyAt))
    }
    expect(pods[1].spec).toMatchObject({ hostname: 'web-1', subdomain: 'nginx' })
    const set = getObj(c, 'StatefulSet', 'default', 'web')
    expect(pods[1].metadata.labels).toEqual({ app: 'web', 'apps.kubernetes.io/pod-index': '1', 'statefulset.kubernetes.io/pod-name': 'web-1', 'controller-revision-hash': set.status.updateRevision })
    expect(set.status.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/)
    expect(set.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 })
    expect(set.spec).toMatchObject({ podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10 })
    assertIdle(c)
  })

  it('Parallel creates every ordinal at once', () => {
    const c = testCluster()
    c.api.create(sts('par', 3, { podManagementPolicy: 'Parallel' }))
    c.converge()
    expect(podsOf(c, 'par').map((p) => p.metadata.name)).toEqual(['par-0', 'par-1', 'par-2'])
  })

  it('scales down from the highest ordinal, one pod at a time, and recreates a deleted pod under its name', () => {
    const c = testCluster()
    apply(c, sts('web', 3))
    const set = getObj(c, 'StatefulSet', 'default', 'web')
    c.api.update({ ...set, spec: { ...set.spec, replicas: 1 } })
    c.converge()
    c.advance(60)
    expect(podsOf(c, 'web').map((p) => p.metadata.name)).toEqual(['web-0'])
    // nginx exits on SIGTERM at once, so both go within one convergence; the events keep the order.
    expect(deletions(c)).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful'])
    const uid = podsOf(c, 'web')[0].metadata.uid
    c.api.delete('Pod', 'default', 'web-0', { gracePeriodSeconds: 0 })
    c.converge()
    settle(c)
    const again = podsOf(c, 'web')
    expect(again.map((p) => p.metadata.name)).toEqual(['web-0'])
    expect(again[0].metadata.uid).not.toBe(uid)
  })

  it('rolls a template change from the highest ordinal down', () => {
    const c = testCluster()
    apply(c, sts('web', 2))
    const set = getObj(c, 'StatefulSet', 'default', 'web')
    const oldRev = set.status.updateRevision
    const template = { ...set.spec.template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } }
    c.api.update({ ...set, spec: { ...set.spec, template } })
    c.converge()
    c.advance(120)
    expect(deletions(c)).toEqual(['delete Pod web-1 in StatefulSet web successful', 'delete Pod web-0 in StatefulSet web successful'])
    const pods = podsOf(c, 'web')
    const rev = getObj(c, 'StatefulSet', 'default', 'web').status.updateRevision
    expect(rev).not.toBe(oldRev)
    expect(pods.map((p) => [p.metadata.name, p.metadata.labels['controller-revision-hash'], p.spec.containers[0].image])).toEqual([['web-0', rev, 'nginx:1.26'], ['web-1', rev, 'nginx:1.26']])
  })

  it('rejects pods that do not restart Always, as ValidateStatefulSet does', () => {
    const c = testCluster()
    const bad = sts('bad', 1)
    ;(bad.spec.template.spec as Record<string, unknown>).restartPolicy = 'Never'
    expect(() => c.api.create(bad)).toThrow('spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"')
  })

  it('kubectl get sts prints printStatefulSet\'s columns', () => {
    const s = new ShellSession({ seed: 1 })
    const run = (cmd: string) => s.runScript(cmd).map((r) => r.chunks.map((ch) => ch.text).join('')).join('')
    run(`kubectl create -f - <<EOF\n${JSON.stringify(sts('web', 2))}\nEOF`)
    expect(run('kubectl get sts')).toMatch(/^NAME {3}READY {3}AGE\nweb {4}[0-2]\/2 {5}\d+s\n$/)
    expect(run('kubectl get statefulsets -o wide').split('\n')[0]).toBe('NAME   READY   AGE   CONTAINERS   IMAGES')
  })
})
