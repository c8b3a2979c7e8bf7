import { describe, expect, it } from 'vitest'
import { DESCRIBE_TABWRITER, TabWriter, tabulate } from './tabwriter.ts'

describe('tabwriter (Go text/tabwriter as kubectl configures it)', () => {
  it('pads each column to its widest cell plus 3, leaves the last column bare', () => {
    expect(tabulate('NAME\tREADY\tAGE\nkubia-abcde\t1/1\t5s\n')).toBe('NAME          READY   AGE\nkubia-abcde   1/1     5s\n')
  })

  it('applies the minimum width of 6 to narrow columns', () => {
    expect(tabulate('a\tb\nc\td\n')).toBe('a     b\nc     d\n')
  })

  it('aligns describe blocks separately around lines without tabs, and after flush', () => {
    const w = new TabWriter(DESCRIBE_TABWRITER)
    w.write('Name:\tkubia\nNamespace:\tdefault\nContainers:\n  kubia:\n    Image:\tluksa/kubia\n    Port:\t8080/TCP\n')
    w.flush()
    w.write('Events:\n  Type\tReason\n  ----\t------\n')
    expect(w.toString()).toBe('Name:       kubia\nNamespace:  default\nContainers:\n  kubia:\n    Image:  luksa/kubia\n    Port:   8080/TCP\nEvents:\n  Type  Reason\n  ----  ------\n')
  })

  it('keeps the padding of an empty last cell (kubectl prints those trailing spaces)', () => {
    const w = new TabWriter(DESCRIBE_TABWRITER)
    w.write('Endpoints:\t\nSession Affinity:\tNone\n')
    expect(w.toString()).toBe('Endpoints:         \nSession Affinity:  None\n')
  })
})
