import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../sim/random.ts'
import { AllocationError, NodePortAllocator, ServiceIPAllocator, ipRangeOffset, portRangeOffset } from './index.ts'

const ipNum = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)

describe('band sizes (calculateRangeOffset)', () => {
  it('IPs: min(max(16, size/16), 256); ports: min(max(16, size/32), 128)', () => {
    expect(ipRangeOffset(65536)).toBe(256)
    expect(ipRangeOffset(256)).toBe(16)
    expect(ipRangeOffset(1024)).toBe(64)
    expect(ipRangeOffset(16)).toBe(0)
    expect(portRangeOffset(2768)).toBe(86)
    expect(portRangeOffset(100)).toBe(16)
    expect(portRangeOffset(10000)).toBe(128)
  })
})

describe('ServiceIPAllocator (ipallocator bitmap)', () => {
  it('hands out dynamic IPs from the upper band and is deterministic per seed', () => {
    const a = new ServiceIPAllocator('10.96.0.0/16', new SeededRandom(7))
    const b = new ServiceIPAllocator('10.96.0.0/16', new SeededRandom(7))
    const ips = Array.from({ length: 20 }, () => a.allocate())
    expect(Array.from({ length: 20 }, () => b.allocate())).toEqual(ips)
    expect(a.dynamicStart()).toBe('10.96.1.1')
    for (const ip of ips) expect(ipNum(ip)).toBeGreaterThanOrEqual(ipNum('10.96.1.1'))
    const c = new ServiceIPAllocator('10.96.0.0/16', new SeededRandom(8))
    expect(Array.from({ length: 20 }, () => c.allocate())).not.toEqual(ips)
  })

  it('accepts explicit requests anywhere (kubernetes = .1, kube-dns = .10) and reports conflicts', () => {
    const a = new ServiceIPAllocator('10.96.0.0/16', new SeededRandom(1))
    expect(a.allocate('10.96.0.1')).toBe('10.96.0.1')
    expect(a.allocate('10.96.0.10')).toBe('10.96.0.10')
    expect(() => a.allocate('10.96.0.10')).toThrow(new AllocationError('Allocated', 'provided IP is already allocated'))
    expect(() => a.allocate('10.0.0.1')).toThrow('the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/16')
    expect(() => a.allocate('10.96.0.0')).toThrow(/not in the valid range/)
    expect(() => a.allocate('10.96.255.255')).toThrow(/not in the valid range/)
    expect(a.used()).toEqual(['10.96.0.1', '10.96.0.10'])
  })

  it('gives no duplicates in 1000 allocations and reuses released IPs', () => {
    const a = new ServiceIPAllocator('10.96.0.0/16', new SeededRandom(3))
    const ips = Array.from({ length: 1000 }, () => a.allocate())
    expect(new Set(ips).size).toBe(1000)
    a.release(ips[0])
    expect(a.has(ips[0])).toBe(false)
    expect(a.allocate(ips[0])).toBe(ips[0])
  })

  it('falls back to the lower band when the upper band is full, then reports range is full', () => {
    const a = new ServiceIPAllocator('10.0.0.0/24', new SeededRandom(1)) // 254 usable, lower band 16
    const got = Array.from({ length: 254 }, () => a.allocate())
    expect(got.slice(0, 238).every((ip) => ipNum(ip) >= ipNum('10.0.0.17'))).toBe(true)
    expect(got.slice(238).every((ip) => ipNum(ip) < ipNum('10.0.0.17'))).toBe(true)
    expect(() => a.allocate()).toThrow('range is full')
  })
})

describe('NodePortAllocator (portallocator)', () => {
  const range = { base: 30000, size: 2768 }

  it('picks random ports above the static band (30000-30085), deterministically', () => {
    const a = new NodePortAllocator(range, new SeededRandom(5))
    const b = new NodePortAllocator(range, new SeededRandom(5))
    const ports = Array.from({ length: 50 }, () => a.allocate())
    expect(Array.from({ length: 50 }, () => b.allocate())).toEqual(ports)
    for (const p of ports) expect(p).toBeGreaterThanOrEqual(30086)
  })

  it('reports the real errors', () => {
    const a = new NodePortAllocator(range, new SeededRandom(5))
    expect(a.allocate(30080)).toBe(30080)
    expect(() => a.allocate(30080)).toThrow('provided port is already allocated')
    expect(() => a.allocate(80)).toThrow('provided port is not in the valid range. The range of valid ports is 30000-32767')
    expect(() => a.allocate(32768)).toThrow(/not in the valid range/)
  })

  it('no duplicates in 1000 allocations; release then reuse', () => {
    const a = new NodePortAllocator(range, new SeededRandom(9))
    const ports = Array.from({ length: 1000 }, () => a.allocate())
    expect(new Set(ports).size).toBe(1000)
    a.release(ports[10])
    expect(a.used()).toHaveLength(999)
    expect(a.allocate(ports[10])).toBe(ports[10])
  })
})
