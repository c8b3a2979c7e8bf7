import { describe, expect, it } from 'vitest'
import { fakeRunner, run } from './testing.ts'

describe('quoting and word splitting', () => {
  it('keeps quoted text whole and splits unquoted expansions on whitespace', () => {
    expect(run(`echo a   b "c   d" 'e  f' g\\ h`).stdout).toBe('a b c   d e  f g h\n')
    expect(run(`X="a  b   c"; printf '[%s]\\n' $X "$X"`).stdout).toBe('[a]\n[b]\n[c]\n[a  b   c]\n')
    expect(run(`X=""; printf '[%s]\\n' $X "$X" ''$X'' x$X`).stdout).toBe('[]\n[]\n[x]\n')
  })

  it('passes each field as one argv entry to the runner', () => {
    const r = run(`NS="kube system"; kubectl get pods -n "$NS" -l 'app=web' $NS`)
    expect(r.runner.calls[0].argv).toEqual(['kubectl', 'get', 'pods', '-n', 'kube system', '-l', 'app=web', 'kube', 'system'])
  })

  it('handles escapes inside and outside double quotes', () => {
    expect(run(`echo 'a"b' "c'd" "e\\"f" 'g\\h' "i\\j" "k\\$l" $'m\\tn'`).stdout).toBe(`a"b c'd e"f g\\h i\\j k$l m\tn\n`)
  })

  it('treats # as a comment only at the start of a word', () => {
    expect(run(`echo a#b # comment\necho '#not' "#not" \\#not`).stdout).toBe('a#b\n#not #not #not\n')
  })

  it('leaves glob characters literal', () => {
    expect(run('echo * ?.txt [ab]').stdout).toBe('* ?.txt [ab]\n')
  })
})

describe('parameters', () => {
  it('expands $NAME, ${NAME} and the default forms', () => {
    const r = run('echo ${U:-def} ${U-def2} ${E:=set} $E; V=; echo "${V:-empty}" "${V-unset}" ${V:+alt} ${E:+alt}')
    expect(r.stdout).toBe('def def2 set set\nempty  alt\n')
  })

  it('supports length, substring, trimming and replacement', () => {
    expect(run('X=hello; echo ${#X} ${X:1:3} ${X#h} ${X%lo} ${X/l/L} ${X//l/L}').stdout).toBe('5 ell ello hel heLlo heLLo\n')
    expect(run('F=path/to/file.tar.gz; echo ${F##*/} ${F%%.*} ${F#*.} ${F%.*}').stdout).toBe('file.tar.gz path/to/file tar.gz path/to/file.tar\n')
  })

  it('changes case and reports a bad substitution only when it runs', () => {
    expect(run('x=abc; echo ${x^^} ${x^} ${x,,}').stdout).toBe('ABC Abc abc\n')
    const r = run('echo before\necho ${x@@}; echo same-line\necho after')
    expect(r.output).toBe('before\nbash: ${x@@}: bad substitution\nafter\n')
  })

  it('knows $?, $HOME and ~', () => {
    expect(run('echo $?; false; echo $?; true; echo $?').stdout).toBe('0\n1\n0\n')
    expect(run('echo $HOME ~ ~/x "~"').stdout).toBe('/root /root /root/x ~\n')
    expect(run('echo $HOME', { state: { vars: {}, aliases: {}, lastExit: 0 } }).stdout).toBe('/root\n')
  })

  it('prints ${X:?} errors and abandons the rest of the line, like an interactive bash', () => {
    const r = run('echo ${X:?must be set}; echo same-line\necho next-line')
    expect(r.stderr).toBe('bash: X: must be set\n')
    expect(r.stdout).toBe('next-line\n')
    expect(r.records[0].exitCode).toBe(1)
  })

  it('evaluates arithmetic', () => {
    expect(run('x=5; echo $((x * 2)) $((x > 3)) $(( (x + 1) % 4 )) $((2 ** 10)) $((0x10 + 010)) $((-7 / 2))').stdout).toBe('10 1 2 1024 24 -3\n')
    expect(run('i=0; i=$((i+1)); ((i++)); echo $i').stdout).toBe('2\n')
    expect(run('y=$((1/0)); echo $?').stderr).toBe('bash: 1/0: division by 0 (error token is "0")\n')
  })
})

describe('command substitution', () => {
  it('feeds a variable used on a later line', () => {
    const runner = fakeRunner({ kubectl: () => ({ chunks: [{ stream: 'stdout', text: '172.18.0.3\n' }] }) })
    const r = run(`NODE=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[0].address}')\ncurl http://$NODE:30123`, { runner })
    expect(runner.calls.map((c) => c.argv)).toEqual([
      ['kubectl', 'get', 'nodes', '-o', 'jsonpath={.items[0].status.addresses[0].address}'],
      ['curl', 'http://172.18.0.3:30123'],
    ])
    expect(r.records[0].chunks).toEqual([])
    expect(r.records[1].chunks).toEqual([{ stream: 'stdout', text: 'curl http://172.18.0.3:30123\n' }])
    expect(r.records[0].traces).toHaveLength(1)
  })

  it('strips trailing newlines, nests, and supports backticks', () => {
    expect(run('echo "$(echo "inner  quoted")" `echo back tick` $(echo $(echo nested))').stdout).toBe('inner  quoted back tick nested\n')
    expect(run(`echo "[$(printf 'a\\n\\nb\\n\\n')]"`).stdout).toBe('[a\n\nb]\n')
  })

  it('sends the substitution\'s stderr to the terminal and sets $? for a bare assignment', () => {
    const runner = fakeRunner({ kubectl: () => ({ chunks: [{ stream: 'stderr', text: 'Error from server (NotFound)\n' }], exitCode: 1 }) })
    const r = run('IP=$(kubectl get svc nope); echo "status $? ip=[$IP]"', { runner })
    expect(r.records[0].chunks).toEqual([
      { stream: 'stderr', text: 'Error from server (NotFound)\n' },
      { stream: 'stdout', text: 'status 1 ip=[]\n' },
    ])
  })

  it('runs in a subshell', () => {
    expect(run('Y=$(Z=1; echo sub); echo $Y "[$Z]"').stdout).toBe('sub []\n')
  })
})

describe('brace expansion', () => {
  it('expands ranges and lists but not quoted braces', () => {
    expect(run('echo {1..10..3} {05..10} {c..a} x{,y}z {a,b}{c,d} "{1..2}" {x}').stdout)
      .toBe('1 4 7 10 05 06 07 08 09 10 c b a xz xyz ac ad bc bd {1..2} {x}\n')
  })
})
