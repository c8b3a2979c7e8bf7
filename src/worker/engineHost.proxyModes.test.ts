import { describe, expect, it } from 'vitest'
import { defaultFiles } from '../ui/fixtures/defaultDocument.ts'
import { EngineHost } from './engineHost.ts'

describe('EngineHost.proxyModes', () => {
  it('the default document\'s node port: both modes, the same pod, every hop with its chain', () => {
    const host = new EngineHost(1)
    host.apply({ files: defaultFiles, seed: 1 })
    const c = host.proxyModes({ from: 'host', ip: '172.18.0.3', port: 30123 })!
    const [ipt, nft] = c.modes
    expect([ipt.mode, nft.mode]).toEqual(['iptables', 'nftables'])
    expect(ipt.verdict.dnat?.ip).toMatch(/^10\.244\./)
    expect(nft.verdict.dnat).toEqual(ipt.verdict.dnat)
    expect(ipt.evaluations).toBeGreaterThan(nft.evaluations)
    // Every hop of both modes appears in exactly one row, in order.
    expect(c.rows.flatMap((r) => (r.a === null ? [] : [r.a]))).toEqual(ipt.hops.map((_, i) => i))
    expect(c.rows.flatMap((r) => (r.b === null ? [] : [r.b]))).toEqual(nft.hops.map((_, i) => i))
  })
})
