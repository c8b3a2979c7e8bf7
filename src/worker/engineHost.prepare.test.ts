import { describe, expect, it } from 'vitest'
import { defaultFiles } from '../ui/fixtures/defaultDocument.ts'
import { EngineHost } from './engineHost.ts'

const withText = (text: string) => ({ seed: 1, files: [{ name: 'app.yaml', text }, defaultFiles[1]] })
const replicas = (n: number) => withText(defaultFiles[0].text.replace('replicas: 3', `replicas: ${n}`))
const broken = withText(defaultFiles[0].text.replace('replicas: 3', 'replicas: [3'))

describe('EngineHost.prepare (parsing ahead of the apply)', () => {
  it('an apply of the prepared text ends exactly as one that parsed it itself', () => {
    const plain = new EngineHost()
    const ahead = new EngineHost()
    for (const doc of [replicas(3), replicas(5), broken, replicas(2)]) {
      const expected = plain.apply(doc)
      ahead.prepare(doc)
      expect(ahead.apply(doc)).toEqual(expected)
      expect(ahead.snapshot()).toEqual(plain.snapshot())
    }
  })

  it('an apply of other text than the prepared one parses what it was given', () => {
    const host = new EngineHost()
    host.apply(replicas(3))
    host.prepare(replicas(4))
    const outcome = host.apply(replicas(6))
    expect(outcome.changes).toEqual(['deployment.apps/kubia configured'])
    expect(host.snapshot()!.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('kubia-'))).toHaveLength(6)
    host.prepare(broken)
    expect(host.apply(replicas(2)).applied).toBe(true)
    expect(host.snapshot()!.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('kubia-') && !o.metadata.deletionTimestamp)).toHaveLength(2)
  })
})
