// PLACEHOLDER until src/engine is wired in: answers every apply with the kind fixture and every command with a notice.
import { kindClusterSnapshot } from '../ui/fixtures/kindCluster.ts'
import type { EngineRequest, EngineResponse } from './protocol.ts'

export const NOT_CONNECTED = 'kubehop: engine not connected yet'

export function handlePlaceholder(request: EngineRequest): EngineResponse[] {
  switch (request.type) {
    case 'apply': return [{ type: 'snapshot', snapshot: kindClusterSnapshot }]
    case 'exec': return [{ type: 'output', id: request.id, output: `${NOT_CONNECTED}\n`, exitCode: 1 }]
  }
}
