import { describe, expect, it } from 'vitest'
import { commandLines } from './commandLines.ts'
import { parseInline, parseMarkdown } from './markdown.ts'

describe('commandLines', () => {
  it('types a step line by line, without comments and blanks, here-documents kept whole', () => {
    const text = [
      '# a comment', 'kubectl apply -f app.yaml', '', 'kubectl apply -f - <<EOF', 'kind: Pod', '# not a comment here', 'EOF',
      'kubectl get pods \\', '  -o wide', 'POD=$(kubectl get pods -o name) # trailing << comment',
    ].join('\n')
    expect(commandLines(text)).toEqual([
      'kubectl apply -f app.yaml', 'kubectl apply -f - <<EOF\nkind: Pod\n# not a comment here\nEOF',
      'kubectl get pods \\\n  -o wide', 'POD=$(kubectl get pods -o name) # trailing << comment',
    ])
  })

  it('handles quoted and dash here-document words', () => {
    expect(commandLines("cat <<-'YAML' > a.yaml\n\tx: 1\n\tYAML\necho done")).toEqual(["cat <<-'YAML' > a.yaml\n\tx: 1\n\tYAML", 'echo done'])
  })
})

describe('narration markdown', () => {
  it('parses paragraphs, lists, code, emphasis and safe links only', () => {
    const blocks = parseMarkdown('One `kubectl` **bold**\nline two.\n\n- a *b*\n- [docs](https://kubernetes.io)\n\n[x](javascript:alert)')
    expect(blocks).toEqual([
      { type: 'p', inlines: [{ type: 'text', text: 'One ' }, { type: 'code', text: 'kubectl' }, { type: 'text', text: ' ' }, { type: 'strong', text: 'bold' }, { type: 'text', text: ' line two.' }] },
      { type: 'ul', items: [[{ type: 'text', text: 'a ' }, { type: 'em', text: 'b' }], [{ type: 'link', text: 'docs', href: 'https://kubernetes.io' }]] },
      { type: 'p', inlines: [{ type: 'text', text: 'x' }] },
    ])
  })

  it('keeps markup as plain text (React escapes it)', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }])
  })
})
