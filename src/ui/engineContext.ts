// The running engine client, for components that ask it something (the inspector).
import { createContext, useContext } from 'react'
import type { EngineClient } from './engineClient.ts'

export const EngineContext = createContext<EngineClient | null>(null)

export function useEngine(): EngineClient {
  const engine = useContext(EngineContext)
  if (!engine) throw new Error('no engine')
  return engine
}
