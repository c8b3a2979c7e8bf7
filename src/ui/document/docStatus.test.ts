import { describe, expect, it } from 'vitest'
import { defaultManifest } from '../fixtures/defaultDocument.ts'
import { describeStatus, docStatus } from './docStatus.ts'

describe('docStatus', () => {
  it('counts lines and documents of the default manifest', () => {
    const status = docStatus(defaultManifest)
    expect(status).toMatchObject({ lines: 32, documents: 2, error: null })
    expect(describeStatus(status)).toBe('32 lines, 2 documents')
  })

  it('reports the first parse error with a 1-based line and column', () => {
    const status = docStatus('kind: Service\nmetadata: a: b\n')
    expect(status.error).toEqual({ line: 2, column: 11, message: 'Nested mappings are not allowed in compact mappings' })
    expect(describeStatus(status)).toBe('YAML error at line 2, column 11: Nested mappings are not allowed in compact mappings')
  })

  it('treats an empty text as zero documents, not an error', () => {
    expect(docStatus('')).toEqual({ lines: 0, documents: 0, error: null })
  })

  it('only counts the lines of a text too large to parse on the page', () => {
    const status = docStatus('a: [\n'.repeat(60_000))
    expect(status).toMatchObject({ lines: 60_000, unchecked: true, error: null })
    expect(describeStatus(status)).toBe('60000 lines (too large to check here; the engine checks it)')
  })
})
