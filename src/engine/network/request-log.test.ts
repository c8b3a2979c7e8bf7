// The request log kept for `kubectl logs`: byte counts as the app's byteLength gives them, the User-Agent found
// when the log is read, and only the requests of the asked time window.
import { describe, expect, it } from 'vitest'
import { byteLength } from '../apps/http.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'
import { recordRequest, requestsBetween, utf8Length } from './request-log.ts'

describe('request log', () => {
  it('counts UTF-8 bytes as byteLength does: ASCII, 2- and 3-byte characters, surrogate pairs and lone surrogates', () => {
    for (const text of ['', "You've hit kubia-7d8b9\n", 'café', '€ 100', 'emoji 😀 done', '\ud800 lone', 'end \udc00', 'x\ud83d']) {
      expect(utf8Length(text)).toBe(byteLength(text))
    }
  })

  it('gives back the requests of a time window with their User-Agent, read from the headers kept', () => {
    const config = {} as ClusterConfig
    const headers: [string, string][] = [['Host', 'kubia'], ['user-agent', 'curl/8.5.0']]
    for (const now of [10, 20, 30]) {
      recordRequest(config, 'default/kubia-1/kubia', { image: 'luksa/kubia', now, method: 'GET', path: '/', status: 200, bytes: 23, headers,
        remoteIP: '10.244.1.5', remotePort: 40000 + now, localPort: 8080 })
    }
    const got = requestsBetween(config, 'default/kubia-1/kubia', 15, 30)
    expect(got.map((r) => [r.now, r.remotePort, r.userAgent, r.bytes])).toEqual([[20, 40020, 'curl/8.5.0', 23], [30, 40030, 'curl/8.5.0', 23]])
  })
})
