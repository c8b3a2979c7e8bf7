import { describe, expect, it } from 'vitest'
import { parseScript, ShellSyntaxError } from './index.ts'
import { run } from './testing.ts'

function syntaxError(text: string): ShellSyntaxError {
  try {
    parseScript(text)
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e
    throw e
  }
  throw new Error('expected a syntax error')
}

describe('parseScript', () => {
  it('splits top-level statements by line, keeping each source exactly as typed', () => {
    const script = [
      '# a comment',
      '',
      'echo a; echo b   # trailing note',
      'kubectl get pods \\',
      '  -o wide',
      'cat <<EOF | kubectl apply -f -',
      'kind: Pod',
      '  name: $X',
      'EOF',
      'for i in 1 2',
      'do',
      '  echo $i',
      'done',
      'echo a &&',
      '  echo b',
    ].join('\n')
    const s = parseScript(script).statements
    expect(s.map((x) => [x.line, x.source])).toEqual([
      [3, 'echo a; echo b   # trailing note'],
      [4, 'kubectl get pods \\\n  -o wide'],
      [6, 'cat <<EOF | kubectl apply -f -\nkind: Pod\n  name: $X\nEOF'],
      [10, 'for i in 1 2\ndo\n  echo $i\ndone'],
      [14, 'echo a &&\n  echo b'],
    ])
  })

  it('reports unexpected tokens with bash wording and line numbers', () => {
    const e = syntaxError('echo a\necho b\ndone\n')
    expect(e.message).toBe("line 3: syntax error near unexpected token `done'")
    expect(e.line).toBe(3)
    expect(e.col).toBe(1)
    expect(e.toStderr()).toBe("bash: line 3: syntax error near unexpected token `done'\nbash: line 3: `done'\n")
    expect(syntaxError('while true; do done').message).toBe("line 1: syntax error near unexpected token `done'")
    expect(syntaxError('if true; then\nfi').message).toBe("line 2: syntax error near unexpected token `fi'")
    expect(syntaxError('echo a;;').message).toBe("line 1: syntax error near unexpected token `;;'")
    expect(syntaxError('echo >').message).toBe("line 1: syntax error near unexpected token `newline'")
  })

  it('reports unexpected end of file and unterminated quotes', () => {
    expect(syntaxError('for i in 1 2; do\n  echo $i\n').message).toBe('line 3: syntax error: unexpected end of file')
    expect(syntaxError('echo "abc\n').message).toBe("line 2: unexpected EOF while looking for matching `\"'")
    expect(syntaxError("echo 'abc").message).toBe("line 1: unexpected EOF while looking for matching `''")
    expect(syntaxError('echo $(echo a').message).toBe("line 1: unexpected EOF while looking for matching `)'")
    expect(syntaxError('echo a |\n').message).toBe('line 2: syntax error: unexpected end of file')
  })

  it('runs the statements before a syntax error, then stops like bash', () => {
    const r = run('echo first\necho second; done\necho never\n')
    expect(r.records.map((x) => [x.line, x.source, x.exitCode])).toEqual([
      [1, 'echo first', 0],
      [2, 'echo second; done', 2],
    ])
    expect(r.stderr).toBe("bash: line 2: syntax error near unexpected token `done'\nbash: line 2: `echo second; done'\n")
    expect(r.state.lastExit).toBe(2)
  })

  it('warns about a here-document cut by end of file and still runs it', () => {
    const r = run('cat <<EOF\nhi')
    expect(r.stderr).toBe("bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n")
    expect(r.stdout).toBe('hi\n')
  })
})

describe('background lists', () => {
  it('marks the and-or list that `&` ends, and only that one', () => {
    const [stmt] = parseScript('a & b; c &').statements
    expect(stmt.list.items.map((i) => i.background ?? false)).toEqual([true, false, true])
  })
})
