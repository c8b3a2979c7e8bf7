import { describe, expect, it } from 'vitest'
import { base64DecodedLength, base64ErrorOffset, decodeBase64, encodeBase64 } from './base64.ts'

describe('base64', () => {
  it('round-trips UTF-8 text with padding as Go encodes it', () => {
    expect(encodeBase64('admin')).toBe('YWRtaW4=')
    expect(encodeBase64('héllo ✓')).toBe('aMOpbGxvIOKckw==')
    expect(decodeBase64('aMOpbGxvIOKckw==')).toBe('héllo ✓')
    expect(decodeBase64('not base64!')).toBe('not base64!')
  })

  it('finds the byte where Go would stop', () => {
    expect(base64ErrorOffset('YWRtaW4=')).toBe(-1)
    expect(base64ErrorOffset('YWR*aW4=')).toBe(3)
    expect(base64DecodedLength('YWRtaW4=')).toBe(5)
  })
})
