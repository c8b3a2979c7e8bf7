// The Job controller against pkg/controller/job/job_controller.go: generated selector and labels, pods that run to
// completion (parallelism at a time), back-off and backoffLimit, the v1.32 conditions; printed as printJob does.
import { describe, expect, it } from 'vitest'
import { apply, assertIdle, getObj, listObj, testCluster } from './testing.ts'
import { ShellSession } from '../../shell/session.ts'

const job = (name: string, script: string, extra: Record<string, unknown> = {}, restartPolicy = 'Never') => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' },
  spec: { ...extra, template: { spec: { restartPolicy, containers: [{ name, image: 'busybox:1.36', command: ['sh', '-c', script] }] } } },
})

const podsOf = (c: ReturnType<typeof testCluster>, name: string) => listObj(c, 'Pod', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.name === name)

describe('job-controller', () => {
  it('labels its pods with the job name and uid, runs them to Succeeded, and ends Complete', () => {
    const c = testCluster()
    apply(c, job('pi', 'echo 3.14'))
    const j0 = getObj(c, 'Job', 'default', 'pi')
    const uid = j0.metadata.uid
    expect(j0.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } } })
    c.advance(10)
    const [pod] = podsOf(c, 'pi')
    expect(pod.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(pod.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' })
    expect(pod.status.phase).toBe('Succeeded')
    const j = getObj(c, 'Job', 'default', 'pi')
    expect(j.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} })
    expect(j.status.active).toBeUndefined()
    expect(j.status.conditions.map((x: any) => [x.type, x.reason])).toEqual([['SuccessCriteriaMet', 'CompletionsReached'], ['Complete', 'CompletionsReached']])
    expect(j.status.completionTime).toBeDefined()
    assertIdle(c)
  })

  it('keeps parallelism pods running until completions succeed', () => {
    const c = testCluster()
    c.api.create(job('batch', 'echo done', { completions: 5, parallelism: 2 }))
    c.converge()
    expect(podsOf(c, 'batch')).toHaveLength(2)
    c.advance(60)
    const pods = podsOf(c, 'batch')
    expect(pods).toHaveLength(5)
    expect(pods.every((p) => p.status.phase === 'Succeeded')).toBe(true)
    expect(getObj(c, 'Job', 'default', 'batch').status.succeeded).toBe(5)
  })

  it('replaces failed pods after a growing back-off and fails past backoffLimit', () => {
    const c = testCluster()
    c.api.create(job('fail', 'exit 1', { backoffLimit: 2 }))
    c.converge()
    c.advance(300)
    const pods = podsOf(c, 'fail').sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp))
    expect(pods).toHaveLength(3)
    const created = pods.map((p) => Date.parse(p.metadata.creationTimestamp) / 1000)
    // 10 s after the first failure, then 20 s after the second.
    expect(created[2] - created[1]).toBeGreaterThan(created[1] - created[0])
    expect(created[1] - created[0]).toBeGreaterThanOrEqual(10)
    const j = getObj(c, 'Job', 'default', 'fail')
    expect(j.status.failed).toBe(3)
    expect(j.status.conditions.map((x: any) => x.type)).toEqual(['FailureTarget', 'Failed'])
    expect(j.status.conditions[1].message).toBe('Job has reached the specified backoff limit')
  })

  it('rejects restartPolicy Always with the real message', () => {
    const c = testCluster()
    expect(() => c.api.create(job('bad', 'true', {}, 'Always'))).toThrow('spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"')
  })

  it('kubectl create job and get jobs print as v1.32 does; the pod shows Completed', () => {
    const s = new ShellSession({ seed: 1 })
    const run = (cmd: string) => s.runScript(cmd).map((r) => r.chunks.map((ch) => ch.text).join('')).join('')
    expect(run('kubectl create job hello --image=busybox:1.36 -- echo hello')).toBe('job.batch/hello created\n')
    expect(run('kubectl get jobs')).toMatch(/^NAME {4}STATUS {4}COMPLETIONS {3}DURATION {3}AGE\nhello {3}Running {3}0\/1 {11}0s {9}0s\n$/)
    run('sleep 10')
    expect(run('kubectl get jobs')).toMatch(/^NAME {4}STATUS {5}COMPLETIONS {3}DURATION {3}AGE\nhello {3}Complete {3}1\/1 {11}\d+s {8,9}10s\n$/)
    expect(run('kubectl get pods')).toMatch(/hello-\w{5} {3}0\/1 {5}Completed {3}0 {10}10s/)
    expect(run('kubectl logs job/hello')).toBe('hello\n')
  })
})
