import { describe, expect, it } from 'vitest'
import { DESCRIBERS } from './index.ts'
import { NOW, storeWith, T0 } from '../testing.ts'

const template = { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } }
const owned = (name: string, kind: string, uid: string, phase: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `${name}-uid`,
  ownerReferences: [{ apiVersion: 'apps/v1', kind, name: 'x', uid, controller: true }] }, spec: {}, status: { phase } })

describe('kubectl describe statefulset, daemonset and job (kubectl/pkg/describe describe.go)', () => {
  it('statefulset: replicas, update strategy with its partition, pods by phase, volume claim templates', () => {
    const s = storeWith([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default', uid: 'sts', creationTimestamp: T0 },
        spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, template,
          volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
        status: { replicas: 2 } },
      owned('web-0', 'StatefulSet', 'sts', 'Running'), owned('web-1', 'StatefulSet', 'sts', 'Pending'),
    ] as any)
    const out = DESCRIBERS.StatefulSet(s.get('StatefulSet', 'default', 'web')!, { store: s, now: NOW })
    expect(out).toContain('Selector:           app=nginx\n')
    expect(out).toContain('Replicas:           3 desired | 2 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\nPods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed\nPod Template:\n')
    expect(out).toMatch(/Volume Claims:\n {2}Name: +www\n {2}StorageClass: +\n {2}Labels: +<none>\n {2}Annotations: +<none>\n {2}Capacity: +1Gi\n {2}Access Modes: +\[ReadWriteOnce\]\nEvents: +<none>\n$/)
  })

  it('daemonset: the node counts on their own lines (no tab: they do not align), then Pods Status', () => {
    const s = storeWith([
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'kube-proxy', namespace: 'default', uid: 'ds' },
        spec: { selector: { matchLabels: { app: 'nginx' } }, template: { ...template, spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
        status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0 } },
      owned('p', 'DaemonSet', 'ds', 'Running'),
    ] as any)
    const out = DESCRIBERS.DaemonSet(s.get('DaemonSet', 'default', 'kube-proxy')!, { store: s, now: NOW })
    expect(out.split('Pod Template:')[0]).toBe('Name:           kube-proxy\nNamespace:      default\nSelector:       app=nginx\nNode-Selector:  kubernetes.io/os=linux\n' +
      'Labels:         <none>\nAnnotations:    <none>\nDesired Number of Nodes Scheduled: 3\nCurrent Number of Nodes Scheduled: 3\n' +
      'Number of Nodes Scheduled with Up-to-date Pods: 2\nNumber of Nodes Scheduled with Available Pods: 1\nNumber of Nodes Misscheduled: 0\n' +
      'Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n')
  })

  it('job: the defaulted spec, start/completion and Duration, Pods Statuses with Ready', () => {
    const s = storeWith([
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default', uid: 'job' },
        spec: { parallelism: 1, completions: 1, completionMode: 'NonIndexed', suspend: false, backoffLimit: 6, selector: { matchLabels: { 'job-name': 'pi' } }, template },
        status: { startTime: '2026-01-01T09:00:00Z', completionTime: '2026-01-01T09:02:05Z', succeeded: 1, ready: 0 } },
    ] as any)
    const out = DESCRIBERS.Job(s.get('Job', 'default', 'pi')!, { store: s, now: NOW })
    expect(out.split('Pod Template:')[0]).toBe('Name:             pi\nNamespace:        default\nSelector:         job-name=pi\nLabels:           <none>\nAnnotations:      <none>\n' +
      'Parallelism:      1\nCompletions:      1\nCompletion Mode:  NonIndexed\nSuspend:          false\nBackoff Limit:    6\n' +
      'Start Time:       Thu, 01 Jan 2026 09:00:00 +0000\nCompleted At:     Thu, 01 Jan 2026 09:02:05 +0000\nDuration:         2m5s\n' +
      'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n')
  })
})
