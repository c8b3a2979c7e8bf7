import { parseAllDocuments } from 'yaml'
import { describe, expect, it } from 'vitest'
import { MAX_DOCUMENT_CHARS, expandedNodes, languageRefusal, pasteRefusal } from './inputGuard.ts'

/** The billion-laughs shape with merge keys: each level merges the one before it several times over. */
function mergeBomb(levels: number, width: number): string {
  const lines = ['a0: &a0 {x: 1, y: 2}']
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `{<<: *a${i - 1}}`).join(', ')}]`)
  return `${lines.join('\n')}\n`
}

describe('input guard', () => {
  it('counts alias expansion without expanding (a bomb is measured in linear time)', () => {
    const docs = parseAllDocuments('a: &a [1, 2]\nb: [*a, *a, *a]\n') as ReturnType<typeof parseAllDocuments> & unknown[]
    // map 1 + key a 1 + seq(3) + key b 1 + seq 1 + 3 × 3 = 16
    expect(expandedNodes(docs)).toBe(16)
    const bomb = mergeBomb(14, 3) // 3^14 ≈ 4.8 million merged maps: expanding it would not end within the test's timeout
    expect(bomb.length).toBeLessThan(1000)
    expect(languageRefusal(bomb)).toMatch(/aliases expand to too many nodes/)
  })

  it('lets ordinary manifests, and ones with a few aliases, through to the language worker', () => {
    expect(languageRefusal('apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n')).toBeNull()
    expect(languageRefusal('base: &base {app: web}\nlabels:\n  <<: *base\n  tier: front\n')).toBeNull()
    expect(languageRefusal('a: "*.example.com"\n')).toBeNull()
    expect(languageRefusal(`a: ${'x'.repeat(300 * 1024)}\n`)).toMatch(/over 256 KB/)
  })

  it('refuses a paste that would take the document past the cap, and says how big it was', () => {
    expect(pasteRefusal(1000, 0)).toBeNull()
    expect(pasteRefusal(MAX_DOCUMENT_CHARS, 0)).toBeNull()
    expect(pasteRefusal(20_000_000, 10)).toMatch(/20\.0 MB/)
    expect(pasteRefusal(600_000, 500_000)).toMatch(/Paste refused/)
  })
})
