// The manager offers a change only to the controllers that watch its kind (Controller.watches). A controller whose
// keysFor would answer a kind it does not list would silently stop reacting to it: every scenario of the gallery runs
// here with each controller offered every change, and any keys it returns for a kind outside its list fail the test.
import { describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import type { Controller } from './controller.ts'

const strays: string[] = []
const answered = new Set<string>()

vi.mock('../cluster/controllers.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../cluster/controllers.ts')>()
  return {
    createControllers: (...args: Parameters<typeof original.createControllers>) => original.createControllers(...args).map((c): Controller => ({
      name: c.name,
      sync: (key, ctx) => c.sync(key, ctx),
      fastForward: c.fastForward && ((key, ctx, until, inclusive) => c.fastForward!(key, ctx, until, inclusive)),
      keysFor(change, store) {
        const keys = c.keysFor(change, store)
        const kind = change.object.kind
        if (keys.length) answered.add(`${c.name} ${kind}`)
        if (keys.length && c.watches && !c.watches.includes(kind)) strays.push(`${c.name} answered a ${change.type} ${kind} (${change.key})`)
        return keys
      },
    })),
  }
})

describe('controllers are offered the kinds they watch', () => {
  it('no controller answers a change of a kind outside its watches, over every gallery scenario', async () => {
    const { runScript } = await import('../../cli/run-script.ts')
    const { GALLERY_ROOT, galleryIds, loadScenario } = await import('../../cli/scenarios.ts')
    const ids = galleryIds(GALLERY_ROOT)
    for (const id of ids) runScript(join(GALLERY_ROOT, id, 'steps.sh'), loadScenario(join(GALLERY_ROOT, id)).meta.seed)
    expect(ids.length).toBeGreaterThan(30)
    expect(strays).toEqual([])
    // The run reached the controllers the lists are about (so an empty list of strays means something).
    for (const pair of ['endpoint-controller Pod', 'default-scheduler Pod', 'kubelet Pod', 'deployment-controller ReplicaSet', 'garbage-collector ReplicaSet', 'service-controller Service']) {
      expect(answered, pair).toContain(pair)
    }
  }, 240_000)
})
