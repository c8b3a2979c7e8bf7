import { describe, expect, it } from 'vitest'
import { changedNodeIds, emptyFlowMemo, nodesInPart, reuseEdges, reuseNodes } from './flowMemo.ts'
import { sameData } from './sameData.ts'
import type { TopologyNode } from './toFlow.ts'

const pod = (id: string, ip: string, x = 0): TopologyNode =>
  ({ id, type: 'pod', position: { x, y: 0 }, data: { pod: { id, ip, labels: { app: 'a' } } } }) as unknown as TopologyNode

describe('flow memo', () => {
  it('compares plain data structurally', () => {
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true)
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false)
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameData([1], { 0: 1 })).toBe(false)
  })

  it('keeps the shown object of an unchanged node and replaces a changed one', () => {
    const first = [pod('a', '10.0.0.1'), pod('b', '10.0.0.2')]
    const shown = first.map((n) => ({ ...n, measured: { width: 10, height: 10 } }))
    const previous = new Map(first.map((n) => [n.id, n]))
    const next = [pod('a', '10.0.0.1'), pod('b', '10.0.0.3'), pod('c', '10.0.0.4')]
    const out = reuseNodes(previous, next, shown, null)
    expect(out[0]).toBe(shown[0])
    expect(out[1]).not.toBe(shown[1])
    expect(out[1].data).toBe(next[1].data)
    expect(out[2]).toBe(next[2])
  })

  it('gives a changed node the shown box\'s measurements (React Flow would hide it and drop its edges until it measured it again)', () => {
    const first = [pod('a', '10.0.0.1')]
    const shown = first.map((n) => ({ ...n, measured: { width: 300, height: 58 } }))
    const next = [pod('a', '10.0.0.9')]
    const [out] = reuseNodes(new Map(first.map((n) => [n.id, n])), next, shown, null)
    expect(out).not.toBe(shown[0])
    expect(out.data).toBe(next[0].data)
    expect(out.measured).toEqual({ width: 300, height: 58 })
    const [selected] = reuseNodes(new Map(first.map((n) => [n.id, n])), next, shown, 'a')
    expect(selected).toMatchObject({ selected: true, measured: { width: 300, height: 58 } })
    const [fresh] = reuseNodes(new Map(), [pod('b', '10.0.0.2')], shown, null)
    expect(fresh.measured).toBeUndefined()
  })

  it('follows the selection', () => {
    const first = [pod('a', '10.0.0.1')]
    const out = reuseNodes(new Map(first.map((n) => [n.id, n])), [pod('a', '10.0.0.1')], first, 'a')
    expect(out[0].selected).toBe(true)
  })

  it('keeps unchanged edges', () => {
    const memo = emptyFlowMemo()
    const [e1] = reuseEdges(memo, [{ id: 'x', source: 'a', target: 'b', className: 'edge-select' }])
    const [e2, e3] = reuseEdges(memo, [{ id: 'x', source: 'a', target: 'b', className: 'edge-select' }, { id: 'y', source: 'a', target: 'c' }])
    expect(e2).toBe(e1)
    expect(e3.id).toBe('y')
  })
})

describe('nodes in parts', () => {
  it('brings a big change part by part: held nodes stay as shown (new ones left out), the rest as reuseNodes gives them', () => {
    const before = [pod('a', '10.0.0.1'), pod('b', '10.0.0.2')]
    const shown = before.map((n) => ({ ...n, measured: { width: 10, height: 10 } }))
    const delivered = new Map(before.map((n) => [n.id, n]))
    const next = [pod('a', '10.0.0.9'), pod('b', '10.0.0.8'), pod('c', '10.0.0.4')]
    const changed = changedNodeIds(delivered, next)
    expect(changed).toEqual(['a', 'b', 'c'])
    const first = nodesInPart(delivered, next, shown, null, new Set(changed.slice(1)))
    expect(first.map((n) => n.id)).toEqual(['a', 'b'])
    expect(first[0].data).toBe(next[0].data)
    expect(first[0].measured).toEqual({ width: 10, height: 10 })
    expect(first[1]).toBe(shown[1])
    // Once every part is in, the nodes are what reuseNodes gives for the whole change.
    const all = nodesInPart(delivered, next, shown, null, new Set())
    expect(all).toEqual(reuseNodes(delivered, next, shown, null))
    expect(changedNodeIds(new Map(next.map((n) => [n.id, n])), next)).toEqual([])
  })
})
