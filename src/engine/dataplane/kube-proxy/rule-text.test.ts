import { describe, expect, it } from 'vitest'
import { kubeProxyProbability, ruleText, savedProbability, saveString } from './rule-text'
import { serviceOf } from '../hop'
import { rule } from './rule-text'

describe('iptables-save formatting', () => {
  it('quotes comments like xtables_save_string', () => {
    expect(saveString('ns1-svc_1')).toBe('ns1-svc_1')
    expect(saveString('default/kubia:http')).toBe('"default/kubia:http"')
    expect(saveString('say "hi"')).toBe('"say \\"hi\\""')
  })

  it.each([[2, '0.50000000000'], [3, '0.33333333349'], [4, '0.25000000000'], [5, '0.20000000019'], [7, '0.14285714272']])(
    '1/%i prints as %s after the kernel rounds it to n/2^31', (n, text) => {
      expect(savedProbability(kubeProxyProbability(n))).toBe(text)
    })

  it('puts addresses and protocol first, then matches in order, then the target', () => {
    expect(ruleText({
      chain: 'KUBE-SVC-X', source: { cidr: '10.244.0.0/16', negate: true }, destination: { cidr: '10.96.0.1' }, protocol: 'tcp',
      matches: [{ module: 'comment', comment: 'default/kubernetes:https cluster IP' }, { module: 'tcp', dport: 443 }],
      target: { kind: 'jump', chain: 'KUBE-MARK-MASQ' },
    })).toBe('-A KUBE-SVC-X ! -s 10.244.0.0/16 -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ')
  })

  it('finds the service a rule belongs to from its comment', () => {
    const r = (comment: string) => rule({ chain: 'X', matches: [{ module: 'comment', comment }], target: { kind: 'none' } })
    expect(serviceOf(r('masquerade traffic for default/kubia:http external destinations'))).toBe('default/kubia:http')
    expect(serviceOf(r('default/kubia has no endpoints'))).toBe('default/kubia')
    expect(serviceOf(r('kubernetes service portals'))).toBeUndefined()
  })
})
