import { describe, expect, it } from 'vitest'
import { EngineHost } from '../../worker/engineHost.ts'
import { eventRows } from './eventRows.ts'
import type { RequestRecord } from './requestStore.ts'

describe('the event list interleaves Kubernetes events with requests by simulated time', () => {
  const host = new EngineHost()
  host.apply({ files: [], seed: 1 })
  for (const line of ['kubectl run crash --image=busybox -- sh -c "exit 1"', 'sleep 5']) for (const r of host.run(line)) void r
  const middle = host.snapshot()!.time
  for (const r of host.run('sleep 60')) void r
  const snapshot = host.snapshot()!
  const record: RequestRecord = { id: 1, line: 'curl -s http://10.96.0.1', time: middle, traces: [], output: '' }
  const rows = eventRows(snapshot.objects, [record])

  it('names the object and reason as kubectl get events does, and orders everything by time', () => {
    const events = rows.flatMap((r) => (r.kind === 'event' ? [r.event] : []))
    expect(events.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'BackOff']))
    expect(new Set(events.map((e) => e.object))).toEqual(new Set(['pod/crash']))
    const backOff = events.find((e) => e.reason === 'BackOff')!
    expect(backOff).toMatchObject({ type: 'Warning', message: 'Back-off restarting failed container crash in pod crash_default(' + snapshot.objects.find((o) => o.kind === 'Pod' && o.metadata.name === 'crash')!.metadata.uid + ')' })
    expect(backOff.count).toBeGreaterThan(1)
    const times = rows.map((r) => r.time)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // The request sits after what happened in the first 5 s (the pull) and before the back-offs after it.
    const at = rows.findIndex((r) => r.kind === 'record')
    expect(rows.slice(0, at).some((r) => r.kind === 'event' && r.event.reason === 'Scheduled')).toBe(true)
    expect(rows.slice(at + 1).some((r) => r.kind === 'event' && r.event.reason === 'BackOff')).toBe(true)
  })
})
