import { describe, expect, it } from 'vitest'
import type { Trace } from '../../engine/trace/types.ts'
import { EngineHost } from '../../worker/engineHost.ts'
import { readTopology } from '../topology/model.ts'
import { hopTargets } from './hopTarget.ts'
import { failureHop, podOutcomeNote } from './podOutcome.ts'
import { buildTimeline, endingOf } from './schedule.ts'

function traced(host: EngineHost, line: string): Trace[] {
  return [...host.run(line)].flatMap((r) => r.traces as Trace[])
}

describe('a request to a pod that is not Running and ready shows its outcome on that pod', () => {
  const host = new EngineHost()
  host.apply({ files: [], seed: 1 })
  for (const line of ['kubectl run client --image=curlimages/curl --command -- sleep 3600', 'kubectl run old --image=luksa/kubia',
    'kubectl wait --for=condition=Ready pod --all', 'kubectl delete pod old --wait=false', 'kubectl run fresh --image=luksa/kubia:v2']) for (const r of host.run(line)) void r
  const snapshot = host.snapshot()!
  const pods = readTopology(snapshot).pods
  // A pod still pulling has no IP in its status yet; its sandbox has one (a user who guessed it, or read the node's leases).
  const sandboxIP = (name: string) => (host as unknown as { session: { cluster: { runtime: { podByName(ns: string, n: string): { podIP: string } } } } }).session.cluster.runtime.podByName('default', name).podIP
  const ipOf = (name: string) => pods.find((p) => p.name === name)!.ip ?? sandboxIP(name)
  const podAt = (id: string) => pods.find((p) => p.id === id)

  it('a ContainerCreating pod refuses: the mark sits on that pod, with its STATUS', () => {
    const [packet] = buildTimeline(traced(host, `kubectl exec client -- curl -s -m 2 http://${ipOf('fresh')}:8080`), hopTargets(snapshot))
    expect(endingOf(packet.trace)).toBe('refused')
    const at = failureHop(packet)!
    expect(at.node).toBe('Pod/default/fresh')
    expect(podOutcomeNote(podAt(at.node), 'refused')).toBe('fresh is ContainerCreating: its container has not started, nothing listens yet')
  })

  it('a Terminating pod still answers on its IP: the answer carries the reason it got one', () => {
    const [packet] = buildTimeline(traced(host, `kubectl exec client -- curl -s -m 2 http://${ipOf('old')}:8080`), hopTargets(snapshot))
    expect(packet.trace.servedBy).toBe('pod/old')
    expect(podOutcomeNote(podAt('Pod/default/old'), endingOf(packet.trace))).toMatch(/^old is Terminating: out of the endpoints/)
    expect(podOutcomeNote(podAt('Pod/default/client'), 'delivered')).toBeNull()
  })
})
