// The engine's Web Worker: simulation work stays off the UI thread so typing never stutters.
import { handlePlaceholder } from './placeholderEngine.ts'
import type { EngineRequest, EngineResponse } from './protocol.ts'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  let responses: EngineResponse[]
  try {
    responses = handlePlaceholder(event.data)
  } catch (err) {
    responses = [{ type: 'error', message: err instanceof Error ? err.message : String(err) }]
  }
  for (const response of responses) scope.postMessage(response)
})
