// Expected outputs were checked against GNU bash 5.2 and coreutils 9 (C.UTF-8 locale).
import { describe, expect, it } from 'vitest'
import { fakeRunner, run } from './testing.ts'

const out = (text: string) => run(text).stdout

describe('echo, printf, seq', () => {
  it('echo handles -n and -e', () => {
    expect(out("echo -n no-newline; echo; echo -e 'a\\tb\\nc'; echo -e 'x\\cy'; echo -n -e '1\\n'; echo -x")).toBe('no-newline\na\tb\nc\nx1\n-x\n')
  })

  it('printf formats and reuses its format', () => {
    expect(out("printf '%s-%d|%5s|%-5s|%05d|%x|%.2f\\n' a 42 r l 7 255 3.14159; printf '%s\\n' a b c; printf '%s %s\\n' a b c"))
      .toBe('a-42|    r|l    |00007|ff|3.14\na\nb\nc\na b\nc \n')
    const r = run("printf '%d\\n' abc; echo $?")
    expect(r.output).toBe('bash: printf: abc: invalid number\n0\n1\n')
  })

  it('seq counts with 1 to 3 arguments', () => {
    expect(out('seq 3; seq 2 4; seq 5 -2 1; seq -s, 1 4; seq -w 8 10')).toBe('1\n2\n3\n2\n3\n4\n5\n3\n1\n1,2,3,4\n08\n09\n10\n')
    expect(run('seq x').stderr).toBe("seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n")
  })
})

describe('test and [', () => {
  it('compares strings and numbers', () => {
    expect(out('[ -z "" ] && echo z; [ -n "x" ] && echo n; [ a = a ] && echo eq; [ a != b ] && echo ne; [ 2 -le 2 ] && echo le; test 1 -eq 2 || echo notq; [ 3 -gt 2 -a 1 -lt 2 ] && echo and'))
      .toBe('z\nn\neq\nne\nle\nnotq\nand\n')
    expect(out('test; echo $?; [ ]; echo $?; [ x ]; echo $?; [ -n ]; echo $?')).toBe('1\n1\n0\n0\n')
  })

  it('prints bash errors with status 2', () => {
    const r = run('[ abc -eq 1 ]; echo $?; [ 1 -eq ]; echo $?; [ a = b; echo $?')
    expect(r.stdout).toBe('2\n2\n2\n')
    expect(r.stderr).toBe("bash: [: abc: integer expression expected\nbash: [: 1: unary operator expected\nbash: [: missing `]'\n")
  })
})

describe('text filters', () => {
  it('sort | uniq -c prints GNU counts', () => {
    expect(out("printf 'b\\na\\nb\\nc\\nb\\na\\n' | sort | uniq -c")).toBe('      2 a\n      3 b\n      1 c\n')
    expect(out("printf 'aa\\nbb\\naa\\n' | sort | uniq -d; printf 'x\\nx\\ny\\n' | uniq")).toBe('aa\nx\ny\n')
  })

  it('a realistic load-balancing check', () => {
    const hits = ['kubia-7d9f-abc', 'kubia-7d9f-xyz', 'kubia-7d9f-abc', 'kubia-7d9f-abc']
    let n = 0
    const runner = fakeRunner({ curl: () => ({ chunks: [{ stream: 'stdout', text: `You've hit ${hits[n++]}\n` }] }) })
    const r = run('for i in $(seq 1 4); do curl -s http://10.96.1.1; done | sort | uniq -c', { runner })
    expect(r.stdout).toBe("      3 You've hit kubia-7d9f-abc\n      1 You've hit kubia-7d9f-xyz\n")
    expect(r.records[0].traces).toHaveLength(4)
  })

  it('sort options', () => {
    expect(out("printf '3\\n10\\n2\\n' | sort -n; printf '3\\n10\\n2\\n' | sort; printf 'b\\na\\nb\\n' | sort -u; printf '1\\n3\\n2\\n' | sort -rn"))
      .toBe('2\n3\n10\n10\n2\n3\na\nb\n3\n2\n1\n')
    expect(out("printf 'x 3\\ny 1\\nz 2\\n' | sort -k2 -n; printf 'a,3\\nb,1\\n' | sort -t, -k2; printf 'c 1\\nb 2\\na 2\\n' | sort -k2,2n -k1,1"))
      .toBe('y 1\nz 2\nx 3\nb,1\na,3\nc 1\na 2\nb 2\n')
  })

  it('grep', () => {
    expect(out("printf 'x1\\ny\\nx2\\n' | grep -c x; printf 'x1\\ny\\n' | grep -v x; printf 'Ab\\nab\\n' | grep -i AB; echo abc | grep -o b")).toBe('2\ny\nAb\nab\nb\n')
    expect(out("grep -E 'a|b' <<< xbx; grep 'a\\|b' <<< xax; grep -w ab <<< 'ab abc'; grep -x ab <<< abc; echo $?")).toBe('xbx\nxax\nab abc\n1\n')
    expect(out("printf 'a\\n' | grep -c b; echo $?; printf 'x\\n' | grep -q x && echo found")).toBe('0\n1\nfound\n')
    expect(out("printf 'a\\nb\\nc\\nd\\n' | grep -A1 b; printf 'a\\nb\\nc\\nd\\n' | grep -n -B1 c")).toBe('b\nc\n2-b\n3:c\n')
  })

  it('wc formats like GNU', () => {
    expect(out("printf 'a\\nb\\nc\\n' | wc -l; printf 'a b\\nc\\n' | wc -w; printf 'abc' | wc -c; printf 'a b\\nc\\n' | wc; printf 'a\\n' | wc -lw"))
      .toBe('3\n3\n3\n      2       3       6\n      1       1\n')
    expect(out("printf 'a\\nb\\na\\n' > f.txt; wc -l f.txt; wc f.txt")).toBe('3 f.txt\n3 3 6 f.txt\n')
  })

  it('head and tail', () => {
    expect(out("printf 'a\\nb\\nc\\nd\\n' | head -n 2; printf 'a\\nb\\nc\\nd\\n' | tail -n 2; printf 'a\\nb\\nc\\n' | head -1; printf 'a\\nb\\nc\\n' | tail -n +2"))
      .toBe('a\nb\nc\nd\na\nb\nc\n')
  })

  it('cut, tr and awk', () => {
    expect(out('echo "a:b:c" | cut -d: -f2; echo "a:b:c" | cut -d: -f1,3; echo "a:b:c" | cut -d: -f2-; echo abcdef | cut -c2-4')).toBe('b\na:c\nb:c\nbcd\n')
    expect(out(`echo hello | tr a-z A-Z; echo "a  b   c" | tr -s ' '; echo abc | tr -d b; echo HeLLo | tr '[:upper:]' '[:lower:]'`)).toBe('HELLO\na b c\nac\nhello\n')
    expect(out(`echo "one two three" | awk '{print $2}'; echo "a:b" | awk -F: '{print $2, $1}'; printf '1 2\\n3 4\\n' | awk '{s+=$2} END {print s}'; echo "x y z" | awk '{print $NF, NF}'`))
      .toBe('two\nb a\n6\nz 3\n')
    expect(out(`echo "10 20" | awk '$1 > 5 {print "big"}'; printf 'a\\nb\\n' | awk '/b/'; echo 5 | awk '{print ($1 > 10) ? "big" : "small"}'; printf 'k v\\n' | awk '{printf "%s=%s\\n", $1, $2}'`))
      .toBe('big\nb\nsmall\nk=v\n')
  })

  it('kubectl output through a filter chain', () => {
    const table = 'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          1m\nweb-2   0/1     Pending   0          1m\n'
    const runner = fakeRunner({ kubectl: () => ({ chunks: [{ stream: 'stdout', text: table }] }) })
    expect(run("kubectl get pods | grep Running | awk '{print $1}'", { runner }).stdout).toBe('web-1\n')
    expect(run('kubectl get pods --no-headers | wc -l', { runner }).stdout).toBe('3\n')
    expect(run("kubectl get pods | tail -n +2 | cut -d' ' -f1", { runner }).stdout).toBe('web-1\nweb-2\n')
  })

  it('xargs runs commands, builtins or the runner', () => {
    expect(out("printf 'a b c\\n' | xargs -n 1 echo item; echo 'x y' | xargs; printf 'p1\\np2\\n' | xargs -I{} echo '<{}>'"))
      .toBe('item a\nitem b\nitem c\nx y\n<p1>\n<p2>\n')
    const r = run('printf "pod/a\\npod/b\\n" | xargs kubectl delete')
    expect(r.runner.calls[0].argv).toEqual(['kubectl', 'delete', 'pod/a', 'pod/b'])
  })
})

describe('shell builtins', () => {
  it('export, unset, read, pwd, cd, set', () => {
    expect(out('export FOO=bar; echo $FOO; unset FOO; echo "[$FOO]"; pwd; cd /tmp; set -e; set -o pipefail; echo ok')).toBe('bar\n[]\n/root\nok\n')
    expect(out('echo "a b c" | { read x rest; echo "$x|$rest"; }')).toBe('a|b c\n')
  })

  it('break outside a loop and eval', () => {
    const r = run("break; echo $?; eval 'echo evaled $((1+1))'")
    expect(r.output).toBe("bash: break: only meaningful in a `for', `while', or `until' loop\n0\nevaled 2\n")
  })
})
