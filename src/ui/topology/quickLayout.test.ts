import ELK from 'elkjs/lib/elk.bundled.js'
import { describe, expect, it } from 'vitest'
import { EngineHost } from '../../worker/engineHost.ts'
import { defaultFiles } from '../fixtures/defaultDocument.ts'
import { positionsOf, toElkGraph } from './elkGraph.ts'
import { readTopology } from './model.ts'
import { precomputedSnapshot } from './precomputedLayouts.ts'
import { graphShape, stretchLayout } from './quickLayout.ts'
import { assignSlots, emptySlots } from './slots.ts'
import { hashGraph } from './layoutCache.ts'
import { precomputedLayout } from './precomputedLayouts.ts'

const withReplicas = (n: number) => defaultFiles.map((f) => (f.name === 'app.yaml' ? { ...f, text: f.text.replace('replicas: 3', `replicas: ${n}`) } : f))

describe('layouts without an ELK round trip', () => {
  const host = new EngineHost()
  host.apply({ files: defaultFiles, seed: 1 })
  const first = host.snapshot()!
  const model = readTopology(first)
  const slots = assignSlots(emptySlots, model)
  const graph = toElkGraph(model, slots)

  it('the build computed the default document\'s first snapshot and its layout', () => {
    expect(precomputedSnapshot({ files: defaultFiles, seed: 1 })).toEqual(first)
    expect(precomputedSnapshot({ files: defaultFiles, seed: 2 })).toBeNull()
    expect(precomputedSnapshot({ files: withReplicas(4), seed: 1 })).toBeNull()
    expect(precomputedLayout(hashGraph(JSON.stringify(graph)))).toEqual(expect.objectContaining({ client: expect.anything() }))
  })

  it('a node group that gains pod slots pushes down only the boxes below it in its column', async () => {
    const positions = positionsOf(await new ELK().layout(structuredClone(graph))) // elk.bundled lays out in place
    host.apply({ files: withReplicas(8), seed: 1 })
    const model8 = readTopology(host.snapshot()!)
    const next = toElkGraph(model8, assignSlots(slots, model8))
    expect(graphShape(next)).toBe(graphShape(graph))
    const stretched = stretchLayout(graph, positions, next)!
    expect(stretched).not.toBeNull()
    const height = (g: typeof graph, id: string) => g.children!.find((c) => c.id === id)!.height!
    const groups = graph.children!.filter((c) => c.id.startsWith('Node//')).map((c) => c.id).sort((a, b) => positions[a].y - positions[b].y)
    let shift = 0
    for (const id of groups) {
      expect(stretched[id]).toEqual({ x: positions[id].x, y: positions[id].y + shift })
      shift += height(next, id) - height(graph, id)
    }
    expect(shift).toBeGreaterThan(0)
    for (const c of graph.children!) if (!c.id.startsWith('Node//')) expect(stretched[c.id]).toEqual(positions[c.id])
  })

  it('refuses when the boxes themselves changed', () => {
    const fewer = { ...graph, children: graph.children!.slice(1) }
    expect(stretchLayout(graph, {}, fewer)).toBeNull()
    expect(stretchLayout(graph, {}, graph)).toBeNull() // no positions to start from
  })
})
