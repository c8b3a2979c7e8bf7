import { describe, expect, it } from 'vitest'
import { deferredPort } from './deferredPort.ts'
import type { WorkerPort } from './engineClient.ts'
import type { EngineRequest, EngineResponse } from '../worker/protocol.ts'

/** A worker stand-in that records what it is sent and lets the test answer. */
function fakeWorker() {
  const received: EngineRequest[] = []
  const listeners: ((event: { data: EngineResponse }) => void)[] = []
  let terminated = false
  const port: WorkerPort = {
    postMessage: (m) => received.push(m),
    addEventListener: (_t, l) => listeners.push(l),
    terminate: () => { terminated = true },
  }
  return { port, received, answer: (data: EngineResponse) => listeners.forEach((l) => l({ data })), isTerminated: () => terminated }
}

const hello = { type: 'hello' } as EngineRequest
const prepare = { type: 'prepare', document: { files: [], seed: 1 } } as unknown as EngineRequest

describe('deferredPort', () => {
  it('creates no worker until launched, then delivers the queued requests in order', () => {
    const worker = fakeWorker()
    let created = 0
    const d = deferredPort(() => { created++; return worker.port })
    d.port.postMessage(hello)
    d.port.postMessage(prepare)
    expect(created).toBe(0)
    d.launch()
    d.launch()
    expect(created).toBe(1)
    expect(worker.received).toEqual([hello, prepare])
    d.port.postMessage(hello)
    expect(worker.received).toEqual([hello, prepare, hello])
  })

  it('hands the worker\'s answers to listeners added before and after the launch', () => {
    const worker = fakeWorker()
    const d = deferredPort(() => worker.port)
    const seen: string[] = []
    d.port.addEventListener('message', (e) => seen.push(`early:${e.data.type}`))
    d.launch()
    d.port.addEventListener('message', (e) => seen.push(`late:${e.data.type}`))
    worker.answer({ type: 'ready', vocabulary: {} } as unknown as EngineResponse)
    expect(seen).toEqual(['early:ready', 'late:ready'])
  })

  it('starts at once for a request someone waits on, with everything queued before it, in order', () => {
    const worker = fakeWorker()
    let created = 0
    const d = deferredPort(() => { created++; return worker.port }, (m) => m.type === 'inspect')
    const inspect = { type: 'inspect', id: 1, key: 'Pod/default/x' } as EngineRequest
    d.port.postMessage(hello)
    expect(created).toBe(0)
    d.port.postMessage(inspect)
    expect(created).toBe(1)
    expect(worker.received).toEqual([hello, inspect])
  })

  it('never starts a worker that was terminated before its launch', () => {
    let created = 0
    const d = deferredPort(() => { created++; return fakeWorker().port })
    d.port.terminate()
    d.launch()
    expect(created).toBe(0)
  })
})
