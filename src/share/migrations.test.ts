import { deflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { toBase64url } from './base64url.ts'
import { CODEC_PREFIX, decodeShare } from './codec.ts'
import { SHARE_VERSION } from './document.ts'
import { MIGRATIONS, migrate } from './migrations.ts'

const linkOf = (value: unknown) => `${CODEC_PREFIX}:${toBase64url(deflateSync(strToU8(JSON.stringify(value))))}`

describe('share migrations', () => {
  it('are ordered and lead, one version at a time, to the current version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SHARE_VERSION - 1 }, (_, i) => i + 1))
  })

  it('open a version 1 link (one manifest text) as a version 2 document', () => {
    expect(decodeShare(linkOf({ v: 1, text: 'kind: Pod\n', seed: 5 }))).toEqual({ v: 2, files: [{ name: 'app.yaml', text: 'kind: Pod\n' }], seed: 5 })
    expect(decodeShare(linkOf({ v: 1, text: '' }))).toEqual({ v: 2, files: [{ name: 'app.yaml', text: '' }], seed: 1 })
  })

  it('open a version 2 link without any of the optional fields', () => {
    expect(decodeShare(linkOf({ v: 2, files: [{ name: 'a.yml', text: '' }], seed: 0 }))).toEqual({ v: 2, files: [{ name: 'a.yml', text: '' }], seed: 0 })
  })

  it('refuse links from a newer kubehop with a readable message', () => {
    expect(() => migrate({ v: SHARE_VERSION + 1 })).toThrow(/made by a newer kubehop/)
    expect(() => migrate({ files: [] })).toThrow(/no version/)
  })
})
