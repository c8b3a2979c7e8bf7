import { describe, expect, it } from 'vitest'
import { EngineHost } from '../../worker/engineHost.ts'
import { readPodsAhead, readTopology, type PodInfo } from './model.ts'
import { toFlow } from './toFlow.ts'
import { emptySlots } from './slots.ts'
import { stateCounts, viewOf } from './workloads.ts'

/** What the console prints for `kubectl get pods --no-headers`: name → STATUS. */
function consoleStatuses(host: EngineHost): Map<string, string> {
  const out = [...host.run('kubectl get pods --no-headers')].flatMap((r) => r.chunks.map((c) => c.text)).join('')
  return new Map(out.trim().split('\n').map((line) => { const cols = line.split(/\s+/); return [cols[0], cols[2]] }))
}

const drawn = (host: EngineHost) => new Map(readTopology(host.snapshot()!).pods.filter((p) => p.namespace === 'default').map((p) => [p.name, p]))

describe('pod boxes tell what kubectl get pods tells', () => {
  const host = new EngineHost()
  host.apply({ files: [], seed: 1 })
  const run = (...lines: string[]) => { for (const line of lines) for (const r of host.run(line)) expect(r.exitCode, line).toBe(0) }
  run('kubectl create deployment kubia --image=luksa/kubia --replicas=3', 'kubectl run crash --image=busybox -- sh -c "exit 1"',
    'kubectl run done --image=busybox --restart=Never -- sh -c "echo hi"', 'kubectl run typo --image=nginxx:doesnotexist')
  const starting = drawn(host)
  const startingConsole = consoleStatuses(host)
  run('sleep 40')
  const settled = drawn(host)
  const settledConsole = consoleStatuses(host)
  run('kubectl delete pod -l app=kubia --wait=false')
  const rolling = drawn(host)
  const rollingConsole = consoleStatuses(host)

  it('shows the STATUS column word for word, at every moment', () => {
    for (const [pods, console] of [[starting, startingConsole], [settled, settledConsole], [rolling, rollingConsole]] as const) {
      expect(new Map([...pods].map(([name, p]) => [name, p.status]))).toEqual(console)
    }
  })

  it('gives each family of states its own look', () => {
    const look = (pods: Map<string, PodInfo>, name: string) => [...pods.values()].find((p) => p.name.startsWith(name))!.state
    expect(look(starting, 'kubia')).toBe('creating')
    expect(look(settled, 'kubia')).toBe('running')
    expect(look(settled, 'crash')).toBe('failed')
    expect(settled.get('crash')!.status).toBe('CrashLoopBackOff')
    expect(settled.get('crash')!.restarts).toBeGreaterThan(0)
    expect(look(settled, 'done')).toBe('completed')
    expect(look(settled, 'typo')).toBe('failed')
    const terminating = [...rolling.values()].filter((p) => p.state === 'terminating')
    expect(terminating).toHaveLength(3)
    // The grace period's end is the deletionTimestamp: 30 s after the delete.
    expect(terminating[0].graceEndsAt).toBe(host.snapshot()!.time + 30)
    expect([...rolling.values()].filter((p) => p.name.startsWith('kubia') && p.state === 'creating')).toHaveLength(3)
  })

  it('says the status aloud on the pod box and counts the states on a workload box', () => {
    const flow = toFlow(host.snapshot()!, { positions: {}, slots: emptySlots })
    const crash = flow.nodes.find((n) => n.id === 'Pod/default/crash')!
    expect(crash.ariaLabel).toMatch(/, CrashLoopBackOff, \d+ restarts?$/)
    // Everything in one box: the counts read as the grouped box prints them.
    const model = readTopology(host.snapshot()!)
    const kubia = { ...model, pods: model.pods.filter((p) => p.name.startsWith('kubia')).map((p) => ({ ...p, nodeName: 'one' })) }
    const [box] = viewOf(kubia).boxes
    expect(stateCounts(box)).toBe('3 creating, 3 terminating')
  })
})

describe('pods read ahead', () => {
  it('read the same as pods read with their snapshot (the workload is worked out when the snapshot is)', () => {
    const host = new EngineHost()
    host.apply({ files: [], seed: 1 })
    for (const r of host.run('kubectl create deployment kubia --image=luksa/kubia --replicas=3')) expect(r.exitCode).toBe(0)
    host.advance(30)
    const ahead = structuredClone(host.snapshot()!)
    readPodsAhead(ahead.objects)
    const plain = structuredClone(host.snapshot()!)
    const model = readTopology(ahead)
    expect(model.pods.some((p) => p.workload.kind === 'Deployment')).toBe(true)
    expect(model.pods).toEqual(readTopology(plain).pods)
  })
})
