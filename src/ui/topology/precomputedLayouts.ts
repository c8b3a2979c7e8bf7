// What the build computed for a cold load of the default scenario (scripts/precompute-layout.ts).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- tsconfig.node.json (tests) does not include src/ui/*.d.ts
/// <reference path="./virtual-modules.d.ts" />
import { first, layouts } from 'virtual:kubehop/precomputed'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import type { EngineDocument } from '../../worker/protocol.ts'
import type { XY } from './geometry.ts'

export function precomputedLayout(hash: string): Readonly<Record<string, XY>> | null {
  return Object.hasOwn(layouts, hash) ? layouts[hash] : null
}

const sameDocument = (a: EngineDocument, b: EngineDocument) => a.seed === b.seed && a.files.length === b.files.length &&
  a.files.every((f, i) => f.name === b.files[i].name && f.text === b.files[i].text)

/** The engine's first snapshot of `document`, when the build computed it (the default document), else null. */
export function precomputedSnapshot(document: EngineDocument): ClusterSnapshot | null {
  return first && sameDocument(first.document, document) ? first.snapshot : null
}
