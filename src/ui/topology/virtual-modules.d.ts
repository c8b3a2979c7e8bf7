// Served by vite.config.ts from scripts/precompute-layout.ts (see there).
declare module 'virtual:kubehop/precomputed' {
  import type { ClusterSnapshot } from '../../engine/snapshot.ts'
  import type { EngineDocument } from '../../worker/protocol.ts'
  export const layouts: Readonly<Record<string, Readonly<Record<string, { x: number; y: number }>>>>
  export const first: { document: EngineDocument; snapshot: ClusterSnapshot } | null
}
