import { describe, expect, it } from 'vitest'
import { events, getObj, pod, testCluster } from './testing.ts'

const create = (c: ReturnType<typeof testCluster>, name: string, container: Record<string, unknown>, restartPolicy = 'Always') => {
  c.api.create(pod(name, { restartPolicy, containers: [{ name, ...container }] }))
  c.converge()
}
const status = (c: ReturnType<typeof testCluster>, name: string) => getObj(c, 'Pod', 'default', name).status

describe('kubelet container lifecycle', () => {
  it('creates the sandbox first: a pod whose image is present is ContainerCreating for a second, then Running', () => {
    const c = testCluster()
    create(c, 'first', { image: 'nginx:1.27' })
    c.advance(30)
    c.api.create(pod('again', { nodeName: getObj(c, 'Pod', 'default', 'first').spec.nodeName, containers: [{ name: 'again', image: 'nginx:1.27' }] }))
    c.converge()
    expect(status(c, 'again').containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } })
    expect(status(c, 'again').podIP).toBeUndefined()
    c.advance(0.9)
    expect(status(c, 'again').phase).toBe('Pending')
    c.advance(0.1)
    expect(status(c, 'again').phase).toBe('Running')
    expect(events(c).filter((e) => e.object === 'Pod/again').map((e) => e.reason)).toEqual(['Pulled', 'Created', 'Started'])
  })

  it('shows ContainerCreating while the image is pulled, then Running with the Pulled event', () => {
    const c = testCluster()
    create(c, 'web', { image: 'nginx:1.27' })
    expect(status(c, 'web').phase).toBe('Pending')
    expect(status(c, 'web').containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } })
    c.advance(10)
    expect(status(c, 'web').phase).toBe('Running')
    expect(status(c, 'web').containerStatuses[0]).toMatchObject({ ready: true, started: true, restartCount: 0 })
    const pulled = events(c).find((e) => e.reason === 'Pulled')!.message
    expect(pulled).toMatch(/^Successfully pulled image "nginx:1.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72195292 bytes\.$/)
  })

  it('crash-loops with the kubelet back-off: a restart at once, then after 10 s, 20 s, 40 s', () => {
    const c = testCluster()
    create(c, 'crash', { image: 'busybox', command: ['sh', '-c', 'exit 1'] })
    c.advance(3) // the pull, the first exit and the immediate first restart
    const counts: number[] = []
    let before = 0
    for (let t = 0; t < 80; t++) {
      c.advance(1)
      const cs = status(c, 'crash').containerStatuses[0]
      expect(cs.restartCount).toBeGreaterThanOrEqual(before) // restart counts never decrease
      before = cs.restartCount
      counts.push(cs.restartCount)
    }
    const cs = status(c, 'crash').containerStatuses[0]
    expect(cs.state.waiting).toMatchObject({ reason: 'CrashLoopBackOff', message: expect.stringMatching(/^back-off (40s|1m20s) restarting failed container=crash pod=crash_default\(/) })
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
    // Restarts at +0 (first crash), +10, +30, +70 after the first exit: the gap before the third is 20 s.
    const at = (n: number) => counts.findIndex((x) => x >= n)
    expect(at(3) - at(2)).toBeGreaterThanOrEqual(19)
    expect(at(3) - at(2)).toBeLessThanOrEqual(21)
    expect(cs.restartCount).toBe(4)
    expect(events(c).some((e) => e.reason === 'BackOff' && e.message.startsWith('Back-off restarting failed container crash in pod crash_default('))).toBe(true)
  })

  it('records BackOff again at each pod-worker retry (every 10 s) while the back-off runs, folded into one Event', () => {
    const c = testCluster()
    create(c, 'crash', { image: 'busybox', command: ['sh', '-c', 'exit 1'] })
    c.advance(3) // the first crash restarted at once; the second waits 10 s
    const backOffs = () => events(c).find((e) => e.reason === 'BackOff')?.count ?? 0
    while (status(c, 'crash').containerStatuses[0].restartCount < 3) c.advance(1)
    // The third restart crashes at once and waits 40 s: its BackOff is already counted; retries at +10, +20, +30 s.
    const before = backOffs()
    c.advance(35)
    expect(status(c, 'crash').containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff')
    expect(backOffs() - before).toBe(3)
  })

  it('completes: restartPolicy Never with exit 0 is Succeeded, exit 2 is Failed', () => {
    const c = testCluster()
    create(c, 'ok', { image: 'busybox', args: ['sh', '-c', 'echo done'] }, 'Never')
    create(c, 'bad', { image: 'busybox', args: ['sh', '-c', 'exit 2'] }, 'OnFailure')
    c.advance(5)
    expect(status(c, 'ok').phase).toBe('Succeeded')
    expect(status(c, 'ok').containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(status(c, 'ok').conditions.find((x: { type: string }) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' })
    // OnFailure restarts a failing container.
    expect(status(c, 'bad').phase).toBe('Running')
    expect(status(c, 'bad').containerStatuses[0].restartCount).toBeGreaterThan(0)
    // Never with exit 2: Failed, and generate.go's terminal conditions say PodFailed (Initialized has no reason).
    create(c, 'never', { image: 'busybox', args: ['sh', '-c', 'exit 2'] }, 'Never')
    c.advance(5)
    expect(status(c, 'never').phase).toBe('Failed')
    const reasons = Object.fromEntries(status(c, 'never').conditions.map((x: { type: string; reason?: string }) => [x.type, x.reason]))
    expect(reasons).toMatchObject({ Initialized: undefined, Ready: 'PodFailed', ContainersReady: 'PodFailed' })
    expect(status(c, 'ok').conditions.find((x: { type: string }) => x.type === 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' })
  })

  it('fails to pull an image the registry does not have: ErrImagePull, then ImagePullBackOff', () => {
    const c = testCluster()
    const created = c.clock.now()
    create(c, 'typo', { image: 'nginxx:doesnotexist' })
    // The sandbox first (1 s), then the registry's refusal a round trip later: ContainerCreating until then.
    const seen: [string, number][] = []
    for (let i = 0; i < 40; i++) {
      const reason = status(c, 'typo').containerStatuses[0].state.waiting.reason
      if (seen.at(-1)?.[0] !== reason) seen.push([reason, c.clock.now() - created])
      c.advance(0.1)
    }
    expect(seen.map(([reason]) => reason)).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff'])
    expect(seen[1][1]).toBeGreaterThanOrEqual(1.5)
    expect(seen[1][1]).toBeLessThanOrEqual(2.6)
    expect(status(c, 'typo').containerStatuses[0].state.waiting).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginxx:doesnotexist"' })
    expect(status(c, 'typo').phase).toBe('Pending')
    const failed = events(c).filter((e) => e.reason === 'Failed').map((e) => e.message)
    expect(failed[0]).toBe('Failed to pull image "nginxx:doesnotexist": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:doesnotexist": failed to resolve reference "docker.io/library/nginxx:doesnotexist": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed')
    expect(failed).toContain('Error: ImagePullBackOff')
  })
  it('cannot name an upper-case image: InvalidImageName, InspectFailed again at each pod-worker retry, no pull', () => {
    const c = testCluster()
    create(c, 'up', { image: 'busyBOX' })
    c.advance(25)
    expect(status(c, 'up').containerStatuses[0].state.waiting).toEqual({ reason: 'InvalidImageName',
      message: `Failed to apply default image tag "busyBOX": couldn't parse image name "busyBOX": invalid reference format: repository name (library/busyBOX) must be lowercase` })
    const mine = events(c).filter((e) => e.object === 'Pod/up')
    expect(mine.map((e) => [e.reason, e.count])).toEqual([['Scheduled', 1], ['InspectFailed', 3], ['Failed', 3]])
  })
  it('a command the image lacks never starts: StartError, exit 128, with the zero start time containerd reports', () => {
    const c = testCluster()
    create(c, 'nocurl', { image: 'busybox', command: ['curl', 'http://example.com'] })
    c.advance(20)
    const last = status(c, 'nocurl').containerStatuses[0].lastState.terminated
    expect(last).toMatchObject({ reason: 'StartError', exitCode: 128, startedAt: '1970-01-01T00:00:00Z' })
    expect(last.finishedAt).toMatch(/^2026-/)
  })
})
