import { describe, expect, it } from 'vitest'
import { highlight } from './highlight.ts'

const classes = (lines: ReturnType<typeof highlight>) => lines.map((l) => l.map((s) => `${s.cls ?? ''}:${s.text}`))

describe('inspector highlighting', () => {
  it('marks YAML keys, numbers and strings, and keeps every character', () => {
    const text = 'spec:\n  replicas: 3\n  - name: "kubia"\n# note\n'
    const lines = highlight(text, 'yaml')
    expect(lines.map((l) => l.map((s) => s.text).join('')).join('\n') + '\n').toBe(text)
    expect(classes(lines)[1]).toContain('hl-number:3')
    expect(classes(lines)[2]).toEqual(['hl-punct:  - ', 'hl-key:name', 'hl-punct::', ': ', 'hl-string:"kubia"'])
  })

  it('marks iptables chains, targets and comments', () => {
    const line = '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "default/kubia cluster IP" -j KUBE-SVC-ABC'
    const [spans] = highlight(line, 'iptables')
    expect(spans.map((s) => s.text).join('')).toBe(line)
    expect(classes([spans])[0]).toEqual(expect.arrayContaining(['hl-chain:KUBE-SERVICES', 'hl-target:KUBE-SVC-ABC', 'hl-string:"default/kubia cluster IP"']))
    expect(classes(highlight(':KUBE-NODEPORTS - [0:0]\n*nat', 'iptables'))).toEqual([['hl-chain::KUBE-NODEPORTS', 'hl-comment: - [0:0]'], ['hl-table:*nat']])
  })
})
