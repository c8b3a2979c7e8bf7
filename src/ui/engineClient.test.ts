import { describe, expect, it } from 'vitest'
import { handlePlaceholder, NOT_CONNECTED } from '../worker/placeholderEngine.ts'
import type { EngineRequest, EngineResponse } from '../worker/protocol.ts'
import { createAppStore } from './store.ts'
import { createEngineClient, type WorkerPort } from './engineClient.ts'
import { syncEngine } from './engineSync.ts'

/** An in-process stand-in for the worker that answers with the placeholder engine. */
function fakeWorker(): WorkerPort & { sent: EngineRequest[] } {
  let listener: ((event: { data: EngineResponse }) => void) | null = null
  const sent: EngineRequest[] = []
  return {
    sent,
    postMessage(message) {
      sent.push(message)
      for (const data of handlePlaceholder(message)) queueMicrotask(() => listener?.({ data }))
    },
    addEventListener(_type, l) { listener = l },
    terminate() { listener = null },
  }
}

describe('engine client', () => {
  it('runs a shell line and resolves with the matching output', async () => {
    const client = createEngineClient(fakeWorker())
    await expect(client.run('kubectl get svc')).resolves.toEqual({ output: `${NOT_CONNECTED}\n`, exitCode: 1 })
  })

  it('applies valid text and stores the snapshot; invalid text is not sent', async () => {
    const worker = fakeWorker()
    const store = createAppStore({ text: 'kind: Service\n', theme: 'light' })
    syncEngine(store, createEngineClient(worker), 0)
    await Promise.resolve()
    expect(store.getState().snapshot?.objects.length).toBeGreaterThan(0)
    store.getState().setText('kind: a: b\n')
    await new Promise((r) => setTimeout(r, 5))
    expect(worker.sent.map((m) => m.type)).toEqual(['apply'])
  })
})
