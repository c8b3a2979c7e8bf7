import { describe, expect, it } from 'vitest'
import { base32 } from './base32'
import { endpointChainName, serviceChainNames, servicePortName } from './chain-names'
import { sha256, toHex, utf8 } from '../../util/sha256.ts'

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['a'.repeat(1000), '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'],
  ])('hashes %j', (input, hex) => {
    expect(toHex(sha256(input))).toBe(hex)
  })

  it('encodes UTF-8 like TextEncoder', () => {
    const s = 'né € 😀'
    expect(Array.from(utf8(s))).toEqual(Array.from(new TextEncoder().encode(s)))
  })
})

describe('base32', () => {
  it.each([['', ''], ['f', 'MY======'], ['fo', 'MZXQ===='], ['foobar', 'MZXW6YTBOI======']])('encodes %j (RFC 4648 vectors)', (input, out) => {
    expect(base32(utf8(input))).toBe(out)
  })
})

describe('chain names', () => {
  // Names from kube-proxy's proxier_test.go (TestOverallIPTablesRules) and from a real kind node's iptables-save.
  it.each([
    ['ns1', 'svc1', 'p80', 'tcp', 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns2', 'svc2', 'p80', 'tcp', 'KUBE-SVC-GNZBNJ2PO5MGZ6GT'],
    ['ns5', 'svc5', 'p80', 'tcp', 'KUBE-SVC-NUKIZ6OKUXPJNT4C'],
    ['default', 'kubernetes', 'https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system', 'kube-dns', 'dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system', 'kube-dns', 'dns-tcp', 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
    ['kube-system', 'kube-dns', 'metrics', 'tcp', 'KUBE-SVC-JD5MR3NA4I4DYORP'],
    ['default', 'my-nginx', undefined, 'tcp', 'KUBE-SVC-L65ENXXZWWSAPRCR'],
  ])('%s/%s:%s/%s → %s', (ns, name, port, proto, chain) => {
    expect(serviceChainNames(servicePortName(ns, name, port), proto).cluster).toBe(chain)
  })

  it('derives EXT/FW/SVL from the same hash', () => {
    const names = serviceChainNames('ns5/svc5:p80', 'tcp')
    expect(names).toEqual({
      cluster: 'KUBE-SVC-NUKIZ6OKUXPJNT4C', local: 'KUBE-SVL-NUKIZ6OKUXPJNT4C',
      external: 'KUBE-EXT-NUKIZ6OKUXPJNT4C', firewall: 'KUBE-FW-NUKIZ6OKUXPJNT4C',
    })
  })

  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns5/svc5:p80', '10.180.0.3:80', 'KUBE-SEP-I77PXRDZVX7PMWMN'],
    ['ns4/svc4:p80', '10.180.0.5:80', 'KUBE-SEP-C6EBXVWJJZMIWKLZ'],
    ['default/my-nginx', '10.244.3.3:80', 'KUBE-SEP-MEZP33SDGZXSPSO5'],
    ['kube-system/kube-dns:dns-tcp', '10.244.0.2:53', 'KUBE-SEP-IT2ZTR26TO4XFPTO'],
  ])('%s → %s is %s', (svc, ep, chain) => {
    expect(endpointChainName(svc, 'tcp', ep)).toBe(chain)
  })
})
