import { describe, expect, it } from 'vitest'
import { cidrContains, cidrHost, cidrSubnet, intToIp, ipToInt, isIPv4 } from './ip.ts'

describe('IPv4 helpers', () => {
  it('converts and computes ranges', () => {
    expect(intToIp(ipToInt('10.244.2.17'))).toBe('10.244.2.17')
    expect(cidrHost('10.96.0.0/16', 10)).toBe('10.96.0.10')
    expect(cidrSubnet('10.244.0.0/16', 24, 2)).toBe('10.244.2.0/24')
    expect(cidrContains('10.244.0.0/16', '10.244.255.1')).toBe(true)
    expect(cidrContains('10.244.0.0/16', '10.245.0.1')).toBe(false)
    expect(isIPv4('256.1.1.1')).toBe(false)
    expect(() => cidrHost('10.0.0.0/30', 4)).toThrow()
  })
})
