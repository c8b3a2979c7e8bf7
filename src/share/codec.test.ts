import { deflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { toBase64url } from './base64url.ts'
import { CODEC_PREFIX, decodeShare, encodeShare, inflateCapped } from './codec.ts'
import type { ShareDocument } from './document.ts'
import { ShareLinkError } from './errors.ts'
import { MAX_ENCODED_CHARS, MAX_JSON_BYTES } from './limits.ts'
import { linkLength } from './linkLength.ts'

const small: ShareDocument = { v: 2, files: [{ name: 'app.yaml', text: 'kind: Pod\nmetadata:\n  name: web\n' }], seed: 7 }

/** A link of arbitrary JSON, as a hand-made (or hostile) link would carry it. */
const linkOf = (json: string) => `${CODEC_PREFIX}:${toBase64url(deflateSync(strToU8(json)))}`

const errorOf = (fragment: string): ShareLinkError => {
  try {
    decodeShare(fragment)
  } catch (err) {
    if (err instanceof ShareLinkError) return err
    throw err
  }
  throw new Error('decoded without an error')
}

describe('share codec', () => {
  it('pins the encoded form of a small document (a change here breaks every link in the wild)', () => {
    const encoded = encodeShare(small)
    expect(encoded).toBe('kh1:FctNCoAgEAbQq8i3lhZtgjlF-2wx4QSRToLSD-Ldq-2DV3GCeot1C5JBU4VyFBA4pe7hGGBR5C6f7Jt6MuPhnUYp7LkwOTXmD2QuWZyizRZZxIOG9gI')
    expect(decodeShare(`#${encoded}`)).toEqual(small)
  })

  it('round-trips a full document: files, active tab, profile, scenario with assets, request', () => {
    const doc: ShareDocument = {
      v: 2,
      files: [{ name: 'app.yaml', text: 'kind: Service\n# ünïcödé ✓ — "quotes" <b>x</b>\n' }, { name: 'kind-config.yaml', text: 'kind: Cluster\n' }],
      active: 'kind-config.yaml', seed: 42, profile: 'gke',
      scenario: { id: '16-local-traffic-policy', steps: '# title: x\n## Step: a\nkubectl get pods\n', step: 1, assets: [{ name: 'tls.crt', text: '-----BEGIN CERTIFICATE-----\n' }] },
      request: 'curl -s http://172.18.0.3:30080/',
    }
    expect(decodeShare(encodeShare(doc))).toEqual(doc)
    expect(encodeShare(doc)).toBe(encodeShare(JSON.parse(JSON.stringify(doc)) as ShareDocument)) // deterministic
  })

  it('returns null for an empty fragment (no link: the saved document opens)', () => {
    expect(decodeShare('')).toBeNull()
    expect(decodeShare('#')).toBeNull()
  })

  it('fails loudly on unknown codec prefixes', () => {
    expect(errorOf('#pako:eNqrVg').code).toBe('codec')
    expect(errorOf('#pako:eNqrVg').message).toMatch(/unknown link format \(codec “pako”/)
    expect(errorOf('#just-text').code).toBe('codec')
    expect(errorOf('#<script>:x').message).toContain('codec none') // never echoes markup
  })

  it('reports corrupted links: bad base64url, damaged or truncated deflate, not JSON', () => {
    const good = encodeShare(small)
    expect(errorOf(`${good}!`).code).toBe('corrupt')
    expect(errorOf(`${CODEC_PREFIX}:AAAA`).code).toBe('corrupt')
    expect(errorOf(good.slice(0, good.length - 6)).code).toBe('corrupt')
    expect(errorOf(`${good.slice(0, 12)}xyz${good.slice(15)}`).code).toMatch(/corrupt|invalid/)
    expect(errorOf(linkOf('{"v":2, files')).code).toBe('corrupt')
  })

  it('refuses oversized links before decoding them', () => {
    const err = errorOf(`${CODEC_PREFIX}:${'A'.repeat(MAX_ENCODED_CHARS + 1)}`)
    expect(err.code).toBe('too-large')
  })

  it('stops inflating a decompression bomb at the cap', () => {
    const bomb = deflateSync(new Uint8Array(40 * 1024 * 1024), { level: 9 }) // 40 MB of zeros in ~40 KB
    const fragment = `${CODEC_PREFIX}:${toBase64url(bomb)}`
    expect(fragment.length).toBeLessThan(MAX_ENCODED_CHARS)
    // A hang here fails on the runner's testTimeout (vite.config.ts); how long it takes is bench/hostile.ts's figure.
    expect(errorOf(fragment).code).toBe('too-large')
    expect(() => inflateCapped(bomb, MAX_JSON_BYTES)).toThrow(/more than 1024 KB/)
  })

  it('validates the decoded document (schema, file names, sizes, types)', () => {
    const bad = [
      '[]', '"text"', '{"v":2}', '{"v":2,"files":[],"seed":1}',
      '{"v":2,"files":[{"name":"../etc/passwd","text":""}],"seed":1}',
      '{"v":2,"files":[{"name":"a.yaml","text":1}],"seed":1}',
      '{"v":2,"files":[{"name":"a.yaml","text":""},{"name":"a.yaml","text":""}],"seed":1}',
      '{"v":2,"files":[{"name":"run.sh","text":""}],"seed":1}',
      '{"v":2,"files":[{"name":"a.yaml","text":""}],"seed":-1}',
      '{"v":2,"files":[{"name":"a.yaml","text":""}],"seed":1.5}',
      '{"v":2,"files":[{"name":"a.yaml","text":""}],"seed":1,"profile":"openshift"}',
      '{"v":2,"files":[{"name":"a.yaml","text":""}],"seed":1,"active":"b.yaml"}',
      '{"v":2,"files":[{"name":"a.yaml","text":""}],"seed":1,"request":"curl x\\nrm -rf /"}',
      '{"v":2,"files":[{"name":"a.yaml","text":""}],"seed":1,"scenario":{"id":"<img src=x>","steps":"","step":0}}',
      '{"v":2,"files":[{"name":"a.yaml","text":""}],"seed":1,"scenario":{"id":"x","steps":"","step":1e9}}',
      '{"v":"2","files":[{"name":"a.yaml","text":""}],"seed":1}',
    ]
    for (const json of bad) expect(errorOf(linkOf(json)).code, json).toMatch(/invalid/)
    const huge = JSON.stringify({ v: 2, files: [{ name: 'a.yaml', text: 'x'.repeat(MAX_JSON_BYTES) }], seed: 1 })
    expect(errorOf(linkOf(huge)).code).toBe('too-large')
  })

  it('keeps only known fields (a __proto__ key does not pollute anything)', () => {
    const doc = decodeShare(linkOf('{"v":2,"files":[{"name":"a.yaml","text":"","extra":1}],"seed":3,"__proto__":{"polluted":true},"future":1}'))!
    expect(doc).toEqual({ v: 2, files: [{ name: 'a.yaml', text: '' }], seed: 3 })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rates link lengths for common hosts', () => {
    expect(linkLength('x'.repeat(100)).verdict).toBe('ok')
    expect(linkLength('x'.repeat(3000)).verdict).toBe('long-for-chat')
    expect(linkLength('x'.repeat(9000)).verdict).toBe('too-long')
  })
})
