import { describe, expect, it } from 'vitest'
import { proxyModeScale } from './scale.ts'

describe('proxyModeScale', () => {
  it('iptables tests one more KUBE-SERVICES rule per Service; nftables tests the same rules at any size', () => {
    const [one, ten, hundred] = proxyModeScale([1, 10, 100])
    expect(ten.iptables.tested - one.iptables.tested).toBe(9)
    expect(hundred.iptables.tested - one.iptables.tested).toBe(99)
    expect(ten.nftables.tested).toBe(one.nftables.tested)
    expect(hundred.nftables.tested).toBe(one.nftables.tested)
    // nftables keeps Services in map elements, so its rules grow per Service chain, not per KUBE-SERVICES line.
    expect(hundred.nftables.elements).toBeGreaterThan(ten.nftables.elements)
    expect(one.iptables.elements).toBe(0)
    expect(hundred.iptables.rules).toBeGreaterThan(hundred.nftables.rules)
  })
})
