import { describe, expect, it } from 'vitest'
import { createShellState, iterateScript, runScript } from './index.ts'
import { fakeRunner, run } from './testing.ts'

describe('here-documents and here-strings', () => {
  it('expands an unquoted heredoc and passes it as stdin', () => {
    const r = run('NAME=web\nkubectl apply -f - <<EOF\nkind: Pod\nmetadata:\n  name: $NAME-$((1+1))\nEOF\necho done')
    expect(r.runner.calls[0]).toMatchObject({ argv: ['kubectl', 'apply', '-f', '-'], stdin: 'kind: Pod\nmetadata:\n  name: web-2\n' })
    expect(r.records.map((x) => x.source)).toEqual(['NAME=web', 'kubectl apply -f - <<EOF\nkind: Pod\nmetadata:\n  name: $NAME-$((1+1))\nEOF', 'echo done'])
    expect(r.records[1].line).toBe(2)
    expect(r.records[2].line).toBe(7)
  })

  it("keeps a quoted heredoc literal, strips tabs with <<-, and supports <<<", () => {
    expect(run("cat <<'EOF'\nx=$HOME \\$y `z`\nEOF").stdout).toBe('x=$HOME \\$y `z`\n')
    expect(run('cat <<-END\n\t\tindented $HOME\n\tEND').stdout).toBe('indented /root\n')
    expect(run('X=1; cat <<< "here $X"').stdout).toBe('here 1\n')
    expect(run('cat <<A; cat <<B\none\nA\ntwo\nB').stdout).toBe('one\ntwo\n')
  })

  it('pipes a heredoc through filters', () => {
    expect(run('cat <<EOF | grep b | wc -l\na\nb\nab\nEOF').stdout).toBe('2\n')
  })
})

describe('continuation lines and lists', () => {
  it('joins backslash-newline continuations into one command', () => {
    const r = run('kubectl get pods \\\n  -o wide \\\n  -n default')
    expect(r.runner.calls[0].argv).toEqual(['kubectl', 'get', 'pods', '-o', 'wide', '-n', 'default'])
    expect(r.records).toHaveLength(1)
    expect(r.records[0].source).toBe('kubectl get pods \\\n  -o wide \\\n  -n default')
  })

  it('short-circuits && and || with the right exit codes', () => {
    expect(run('false && echo no; echo $?; true || echo no; echo $?; false || true && echo yes').stdout).toBe('1\n0\nyes\n')
    const r = run('false && echo x')
    expect(r.records[0].exitCode).toBe(1)
    const runner = fakeRunner({ kubectl: () => ({ exitCode: 1, chunks: [{ stream: 'stderr', text: 'boom\n' }] }) })
    const r2 = run('kubectl get x || echo "failed with $?"', { runner })
    expect(r2.output).toBe('boom\nfailed with 1\n')
    expect(r2.records[0].exitCode).toBe(0)
  })

  it('negates with ! and groups with { } and ( )', () => {
    expect(run('! false && echo neg; { echo one; echo two; } | tail -n 1; (X=in; echo $X); echo "[$X]"').stdout).toBe('neg\ntwo\nin\n[]\n')
  })
})

describe('loops', () => {
  it('runs for loops over seq, brace ranges and word lists', () => {
    const r = run('for i in $(seq 1 3); do curl -s http://10.96.0.1/$i; done\nfor i in {1..2}; do echo $i; done\nfor x in a "b c"; do echo "<$x>"; done')
    expect(r.runner.calls.map((c) => c.argv[2])).toEqual(['http://10.96.0.1/1', 'http://10.96.0.1/2', 'http://10.96.0.1/3'])
    expect(r.records[0].traces).toHaveLength(3)
    expect(r.records[1].chunks).toEqual([{ stream: 'stdout', text: '1\n2\n' }])
    expect(r.records[2].chunks[0].text).toBe('<a>\n<b c>\n')
  })

  it('runs multi-line loops and if/elif/else', () => {
    const script = 'for i in {1..3}\ndo\n  if [ $i -eq 1 ]; then\n    echo one\n  elif [ $i = 2 ]\n  then\n    echo two\n  else\n    echo other\n  fi\ndone'
    const r = run(script)
    expect(r.stdout).toBe('one\ntwo\nother\n')
    expect(r.records).toHaveLength(1)
    expect(r.records[0].source).toBe(script)
  })

  it('stops while true after maxLoopRounds and says so', () => {
    const r = run('while true; do curl http://x; done\necho after', { maxLoopRounds: 4 })
    expect(r.runner.calls).toHaveLength(4)
    expect(r.records[0].chunks).toEqual([
      { stream: 'stdout', text: 'curl http://x\n'.repeat(4) },
      { stream: 'stderr', text: 'kubehop: stopped the loop after 4 rounds (a real shell would keep going until you press Ctrl-C)\n' },
    ])
    expect(r.records[0].exitCode).toBe(130)
    expect(r.records[1].chunks).toEqual([{ stream: 'stdout', text: 'after\n' }])
  })

  it('runs a for loop over its whole list (only while/until are bounded) and feeds the rest of the pipeline', () => {
    const r = run('for i in $(seq 1 150); do echo hit; done | sort | uniq -c')
    expect(r.output).toBe('    150 hit\n')
  })

  it('a statement too large to simulate fails alone; the script goes on', () => {
    const r = run('echo {1..3000000} | wc -c\necho after')
    expect(r.records[0].exitCode).toBe(1)
    expect(r.records[0].chunks.map((c) => c.text).join('')).toContain('brace expansion: more than 100000 words')
    expect(r.records[1].chunks).toEqual([{ stream: 'stdout', text: 'after\n' }])
  })

  it('supports while CMD, until, break, continue and C-style for', () => {
    expect(run('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done; echo end $i').stdout).toBe('0\n1\n2\nend 3\n')
    expect(run('n=0; until [ $n -ge 2 ]; do n=$((n+1)); echo n$n; done').stdout).toBe('n1\nn2\n')
    expect(run('for i in 1 2 3 4 5; do if [ $i -eq 2 ]; then continue; fi; if [ $i -eq 4 ]; then break; fi; echo $i; done').stdout).toBe('1\n3\n')
    expect(run('for i in 1 2; do for j in a b c; do if [ $j = b ]; then continue 2; fi; echo $i$j; done; done').stdout).toBe('1a\n2a\n')
    expect(run('for ((i=0; i<3; i++)); do echo -n $i; done; echo').stdout).toBe('012\n')
    expect(run('printf "l1\\nl2 w\\n" | while read a b; do echo "[$a][$b]"; done').stdout).toBe('[l1][]\n[l2][w]\n')
  })

  it('keeps pipeline stages in subshells, as bash does', () => {
    expect(run("count=0; printf 'a\\nb\\n' | while read l; do count=$((count+1)); done; echo $count").stdout).toBe('0\n')
  })
})

describe('aliases', () => {
  it('expands the first word, with arguments kept', () => {
    const r = run("alias k=kubectl\nk get pods\nalias kn='kubectl -n kube-system'\nkn get pods\nalias")
    expect(r.runner.calls.map((c) => c.argv)).toEqual([['kubectl', 'get', 'pods'], ['kubectl', '-n', 'kube-system', 'get', 'pods']])
    expect(r.records[4].chunks[0].text).toBe("alias k='kubectl'\nalias kn='kubectl -n kube-system'\n")
    expect(r.state.aliases).toEqual({ k: 'kubectl', kn: 'kubectl -n kube-system' })
  })

  it('does not expand an alias defined on the same line (bash reads the line first)', () => {
    const r = run('alias k=kubectl; k get pods\nk get pods')
    expect(r.runner.calls.map((c) => c.argv[0])).toEqual(['k', 'kubectl'])
  })

  it('expands aliases containing pipelines and removes them with unalias', () => {
    const r = run("alias running='kubectl get pods | grep Running'\nrunning -w\nunalias running\nalias running")
    expect(r.runner.calls.map((c) => c.argv)).toEqual([['kubectl', 'get', 'pods']])
    expect(r.stderr).toBe('bash: alias: running: not found\n')
  })
})

describe('variables, env and redirections', () => {
  it('passes exported variables and per-command prefixes to the runner env', () => {
    const r = run('export KUBECONFIG=/root/.kube/config; LOCAL=1; DEBUG=1 kubectl version; echo $DEBUG')
    expect(r.runner.calls[0].env).toMatchObject({ HOME: '/root', KUBECONFIG: '/root/.kube/config', DEBUG: '1' })
    expect(r.runner.calls[0].env.LOCAL).toBeUndefined()
    expect(r.stdout).toBe('kubectl version\n\n')
  })

  it('writes files, appends, reads them back, and discards /dev/null', () => {
    const r = run('echo hi > out.txt; echo more >> out.txt; cat out.txt; wc -l < out.txt; grep more out.txt; echo gone >/dev/null; kubectl get x &>/dev/null')
    expect(r.stdout).toBe('hi\nmore\n2\nmore\n')
    expect(r.state.files).toEqual({ '/root/out.txt': 'hi\nmore\n' })
  })

  it('routes 2>&1, 2>/dev/null and >&2 in order', () => {
    const runner = fakeRunner({ kubectl: () => ({ chunks: [{ stream: 'stdout', text: 'out\n' }, { stream: 'stderr', text: 'err\n' }] }) })
    expect(run('kubectl a 2>/dev/null', { runner }).output).toBe('out\n')
    expect(run('kubectl a 2>&1 | grep -c .', { runner }).output).toBe('2\n')
    expect(run('kubectl a 2>&1 >/dev/null | tr a-z A-Z', { runner }).output).toBe('ERR\n')
    expect(run('echo oops >&2').records[0].chunks).toEqual([{ stream: 'stderr', text: 'oops\n' }])
  })

  it('uses the writeFile/readFile hooks when given', () => {
    const written: [string, string, boolean][] = []
    const r = run('echo "172.18.0.2 demo.local" >> /etc/hosts; cat /etc/hosts', {
      writeFile: (p, c, a) => written.push([p, c, a]),
      readFile: (p) => (p === '/etc/hosts' ? '127.0.0.1 localhost\n' : undefined),
    })
    expect(written).toEqual([['/etc/hosts', '172.18.0.2 demo.local\n', true]])
    expect(r.stdout).toBe('127.0.0.1 localhost\n')
    expect(r.runner.calls).toHaveLength(0)
  })

  it('sends cat of unknown paths to the runner, cat of stdin to the builtin', () => {
    const r = run('cat /etc/resolv.conf; echo x | cat')
    expect(r.runner.calls.map((c) => c.argv)).toEqual([['cat', '/etc/resolv.conf']])
    expect(r.stdout).toBe('cat /etc/resolv.conf\nx\n')
  })

  it('reports a missing input file', () => {
    const r = run('grep x < nope.txt')
    expect(r.stderr).toBe('bash: nope.txt: No such file or directory\n')
    expect(r.records[0].exitCode).toBe(1)
  })
})

describe('records and state', () => {
  it('streams one record per statement as it finishes', () => {
    const state = createShellState()
    const it = iterateScript('echo one\necho two', state, fakeRunner())
    const first = it.next()
    expect(first.value).toMatchObject({ source: 'echo one', line: 1, exitCode: 0 })
    expect(it.next().value).toMatchObject({ source: 'echo two', line: 2 })
    expect(it.next().done).toBe(true)
  })

  it('ends at exit with its status', () => {
    const records = runScript('echo a; exit 3\necho b', createShellState(), fakeRunner())
    expect(records.map((r) => [r.source, r.exitCode])).toEqual([['echo a; exit 3', 3]])
  })

  it('keeps state between runs, as a console does line by line', () => {
    const state = createShellState()
    const runner = fakeRunner()
    runScript('alias k=kubectl; X=5', state, runner)
    runScript('k get $X', state, runner)
    expect(runner.calls[0].argv).toEqual(['kubectl', 'get', '5'])
    runScript('false', state, runner)
    expect(runScript('echo $?', state, runner)[0].chunks[0].text).toBe('1\n')
  })

  it('hands unknown commands to the runner and reports its exit code', () => {
    const runner = fakeRunner({ foo: () => ({ chunks: [{ stream: 'stderr', text: 'bash: foo: command not found\n' }], exitCode: 127 }) })
    const r = run('foo; echo $?', { runner })
    expect(r.output).toBe('bash: foo: command not found\n127\n')
  })

  it('concatenates traces of every command in the statement', () => {
    const r = run('for i in 1 2; do curl x$i; done; curl y')
    expect(r.records[0].traces).toEqual([{ argv: ['curl', 'x1'] }, { argv: ['curl', 'x2'] }, { argv: ['curl', 'y'] }])
  })

  it('reports a runner that throws as an internal error instead of crashing', () => {
    const runner = fakeRunner({ kubectl: () => { throw new Error('bug') } })
    const r = run('kubectl get pods; echo next', { runner })
    expect(r.output).toBe('kubehop: kubectl: internal error: bug\nnext\n')
  })
})
