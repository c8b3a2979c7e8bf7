// Init containers on the simulated clock (kuberuntime_manager.go computeInitContainerActions, kubelet_pods.go
// getPhase, status/generate.go GeneratePodInitializedCondition) read back as kubectl's printPod shows them.
import { describe, expect, it } from 'vitest'
import { assertIdle, events, getObj, pod, testCluster } from './testing.ts'
import { podDisplayStatus } from '../api/pod-display-status.ts'

type C = ReturnType<typeof testCluster>
const create = (c: C, name: string, spec: Record<string, unknown>) => {
  c.api.create(pod(name, spec))
  c.converge()
}
const status = (c: C, name: string) => getObj(c, 'Pod', 'default', name).status
const shown = (c: C, name: string) => podDisplayStatus(getObj(c, 'Pod', 'default', name))
const condition = (c: C, name: string, type: string) => status(c, name).conditions.find((x: { type: string }) => x.type === type)
const app = { name: 'app', image: 'busybox', command: ['sleep', '3600'] }

describe('kubelet init containers', () => {
  it('runs the init containers one at a time, in order, and the regular containers only after the last one', () => {
    const c = testCluster()
    create(c, 'seq', {
      initContainers: [
        { name: 'first', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 10'] },
        { name: 'second', image: 'busybox', command: ['sh', '-c', 'echo two; sleep 10'] },
      ],
      containers: [app],
    })
    c.advance(5)
    const [first, second] = status(c, 'seq').initContainerStatuses
    expect(first).toMatchObject({ name: 'first', ready: false, started: true, state: { running: {} } })
    expect(second).toMatchObject({ name: 'second', ready: false, started: false, state: { waiting: { reason: 'PodInitializing' } }, imageID: '' })
    expect(status(c, 'seq').containerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } })
    expect(shown(c, 'seq').status).toBe('Init:0/2')
    c.advance(10)
    expect(shown(c, 'seq').status).toBe('Init:1/2')
    c.advance(15)
    const s = status(c, 'seq')
    expect(s.phase).toBe('Running')
    const a = s.initContainerStatuses[0].state.terminated
    const b = s.initContainerStatuses[1].state.terminated
    expect(a).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(b).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(Date.parse(b.startedAt)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt))
    expect(Date.parse(s.containerStatuses[0].state.running.startedAt)).toBeGreaterThanOrEqual(Date.parse(b.finishedAt))
    expect(s.initContainerStatuses.map((x: { ready: boolean; started: boolean }) => [x.ready, x.started])).toEqual([[true, false], [true, false]])
    // The same Pulling/Pulled/Created/Started events as regular containers, in the order the containers ran.
    const started = events(c).filter((e) => e.object === 'Pod/seq' && e.reason === 'Started').map((e) => e.message)
    expect(started).toEqual(['Started container first', 'Started container second', 'Started container app'])
    expect(events(c).some((e) => e.object === 'Pod/seq' && e.reason === 'Created' && e.message === 'Created container: first')).toBe(true)
  })

  it('reads Init:0/1, then PodInitializing while the app image is pulled, then Running; Initialized turns True', () => {
    const c = testCluster()
    create(c, 'web', { initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'echo waiting; sleep 60'] }], containers: [{ name: 'app', image: 'nginx' }] })
    expect(shown(c, 'web')).toMatchObject({ status: 'Init:0/1', readyContainers: 0, totalContainers: 1 })
    expect(status(c, 'web').phase).toBe('Pending')
    expect(status(c, 'web').initContainerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } })
    c.advance(10)
    expect(shown(c, 'web').status).toBe('Init:0/1')
    expect(condition(c, 'web', 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait]' })
    expect(condition(c, 'web', 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' })
    // A second at a time: the STATUS column goes through exactly these values.
    const timeline: string[] = []
    let initializedWhilePulling: unknown
    for (let t = 0; t < 90; t++) {
      c.advance(1)
      const now = shown(c, 'web').status
      if (timeline.at(-1) !== now) timeline.push(now)
      if (now === 'PodInitializing') {
        expect(status(c, 'web').phase).toBe('Pending')
        initializedWhilePulling = condition(c, 'web', 'Initialized')
      }
    }
    expect(timeline).toEqual(['Init:0/1', 'PodInitializing', 'Running'])
    expect(initializedWhilePulling).toMatchObject({ status: 'True' })
    expect(condition(c, 'web', 'Initialized').reason).toBeUndefined()
    expect(shown(c, 'web')).toMatchObject({ status: 'Running', readyContainers: 1, restarts: 0 })
    expect(status(c, 'web').phase).toBe('Running')
    assertIdle(c)
  })

  it('crash-loops a failing init container under restartPolicy Always: Init:CrashLoopBackOff, restarts counted, the app never starts', () => {
    const c = testCluster()
    create(c, 'crash', { initContainers: [{ name: 'fail', image: 'busybox', command: ['sh', '-c', 'echo boom; exit 1'] }], containers: [app] })
    c.advance(60)
    const init = status(c, 'crash').initContainerStatuses[0]
    expect(init.state.waiting).toMatchObject({ reason: 'CrashLoopBackOff', message: expect.stringMatching(/^back-off (20s|40s) restarting failed container=fail pod=crash_default\(/) })
    expect(init.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
    expect(init.restartCount).toBeGreaterThanOrEqual(3)
    expect(status(c, 'crash').phase).toBe('Pending')
    expect(status(c, 'crash').containerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } })
    expect(shown(c, 'crash')).toMatchObject({ status: 'Init:CrashLoopBackOff', restarts: init.restartCount })
    expect(events(c).some((e) => e.reason === 'BackOff' && e.message.startsWith('Back-off restarting failed container fail in pod crash_default('))).toBe(true)
    expect(events(c).some((e) => e.object === 'Pod/crash' && e.message === 'Created container: app')).toBe(false)
  })

  it('fails the pod when an init container fails under restartPolicy Never: Init:Error, phase Failed, no restart', () => {
    const c = testCluster()
    create(c, 'once', { restartPolicy: 'Never', initContainers: [{ name: 'fail', image: 'busybox', command: ['sh', '-c', 'exit 3'] }], containers: [app] })
    c.advance(30)
    const s = status(c, 'once')
    expect(s.phase).toBe('Failed')
    expect(s.initContainerStatuses[0]).toMatchObject({ restartCount: 0, ready: false, state: { terminated: { exitCode: 3, reason: 'Error' } } })
    expect(s.containerStatuses[0].state).toEqual({ waiting: { reason: 'PodInitializing' } })
    expect(condition(c, 'once', 'Initialized')).toMatchObject({ status: 'False', message: 'containers with incomplete status: [fail]' })
    expect(shown(c, 'once')).toMatchObject({ status: 'Init:Error', readyContainers: 0, restarts: 0 })
  })

  it('shows Init:ErrImagePull then Init:ImagePullBackOff for an init image the registry does not have', () => {
    const c = testCluster()
    create(c, 'pull', { initContainers: [{ name: 'a', image: 'nginxx' }], containers: [app] })
    const seen = new Set<string>()
    for (let t = 0; t < 20; t++) {
      c.advance(0.5)
      seen.add(shown(c, 'pull').status)
    }
    expect(seen).toContain('Init:ErrImagePull')
    expect(seen).toContain('Init:ImagePullBackOff')
  })

  it('keeps a sidecar (restartPolicy Always) running beside the app: the next init container starts once it has started', () => {
    const c = testCluster()
    create(c, 'side', {
      initContainers: [
        { name: 'logger', image: 'busybox', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do echo tick; sleep 5; done'] },
        { name: 'setup', image: 'busybox', command: ['sh', '-c', 'sleep 3'] },
      ],
      containers: [app],
    })
    c.advance(4)
    expect(shown(c, 'side')).toMatchObject({ status: 'Init:1/2', readyContainers: 1, totalContainers: 2 })
    c.advance(10)
    expect(shown(c, 'side')).toMatchObject({ status: 'Running', readyContainers: 2, totalContainers: 2 })
    const [logger, setup] = status(c, 'side').initContainerStatuses
    expect(logger).toMatchObject({ started: true, ready: true, state: { running: {} } })
    expect(setup.state.terminated).toMatchObject({ exitCode: 0 })
    expect(condition(c, 'side', 'Ready')).toMatchObject({ status: 'True' })
  })
})
