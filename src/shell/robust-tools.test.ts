// Robust tools (issue 14, point 5): names JavaScript objects already hold are ordinary keys, deep nesting gets
// bash's error, JavaScript error text never reaches the user, seeds do not wrap, seq stops at its cap exactly.
import { describe, expect, it } from 'vitest'
import { ShellSession } from './session.ts'
import { Parser } from './script/parser.ts'

function sh(s: ShellSession, line: string) {
  const records = s.runScript(line)
  const text = (stream: string) => records.flatMap((r) => r.chunks).filter((c) => c.stream === stream).map((c) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: records[records.length - 1].exitCode, records }
}

const withWeb = () => {
  const s = new ShellSession({ seed: 1 })
  sh(s, 'kubectl run web --image=nginx')
  return s
}

describe('names a JavaScript object already has are ordinary keys', () => {
  it('kubectl label and annotate take toString, constructor and hasOwnProperty as keys', () => {
    const s = withWeb()
    expect(sh(s, 'kubectl label pod web toString=x constructor=y hasOwnProperty=z')).toMatchObject({ out: 'pod/web labeled\n', err: '', code: 0 })
    expect(sh(s, 'kubectl get pod web -o jsonpath={.metadata.labels}').out).toBe('{"constructor":"y","hasOwnProperty":"z","run":"web","toString":"x"}')
    // Without --overwrite a differing value is refused, naming the value it has (not a JavaScript function).
    expect(sh(s, 'kubectl label pod web toString=w').err).toBe("error: 'toString' already has a value (x), and --overwrite is false\n")
    expect(sh(s, 'kubectl annotate pod web constructor=a toString=b')).toMatchObject({ out: 'pod/web annotated\n', code: 0 })
    sh(s, 'kubectl label pod web constructor-')
    expect(sh(s, 'kubectl get pod web -o jsonpath={.metadata.labels}').out).toBe('{"hasOwnProperty":"z","run":"web","toString":"x"}')
    expect(sh(s, 'kubectl label pod web valueOf-').out).toMatch(/^label "valueOf" not found\.\n/)
  })

  it('kubectl create configmap keeps __proto__ and constructor keys as data', () => {
    const s = new ShellSession({ seed: 1 })
    expect(sh(s, 'kubectl create configmap x --from-literal=constructor=x --from-literal=__proto__=y --from-literal=toString=z')).toMatchObject({ out: 'configmap/x created\n', code: 0 })
    expect(sh(s, 'kubectl get configmap x -o json').out).toContain('"data": {\n        "__proto__": "y",\n        "constructor": "x",\n        "toString": "z"\n    }')
    expect(sh(s, 'kubectl get cm x -o jsonpath={.data.__proto__}').out).toBe('y')
  })

  it('kubectl patch with __proto__ and constructor keys patches data as a real cluster does', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl create configmap x --from-literal=a=1')
    expect(sh(s, `kubectl patch configmap x -p '{"data":{"__proto__":"p","constructor":"c"}}'`)).toMatchObject({ out: 'configmap/x patched\n', err: '', code: 0 })
    expect(sh(s, `kubectl patch configmap x --type=merge -p '{"data":{"toString":"t","hasOwnProperty":"h"}}'`).out).toBe('configmap/x patched\n')
    expect(sh(s, 'kubectl get cm x -o jsonpath={.data}').out).toBe('{"__proto__":"p","a":"1","constructor":"c","hasOwnProperty":"h","toString":"t"}')
    // An unknown field named like an Object method is an unknown field, not an internal error.
    const r = sh(s, `kubectl patch configmap x -p '{"constructor":{"x":1},"metadata":{"toString":"y"}}'`)
    expect(r.err).not.toMatch(/internal error|is not a function/)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('env names and volume keys named like Object methods reach the container', () => {
    const s = new ShellSession({ seed: 1 })
    s.hostFiles.set('/p.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {"constructor": "from-cm"}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env: [{name: constructor, value: "1"}, {name: toString, value: "2"}]\n    volumeMounts: [{name: v, mountPath: /etc/v}]\n  volumes: [{name: v, configMap: {name: cm, items: [{key: constructor, path: toString}]}}]\n')
    sh(s, 'kubectl apply -f /p.yaml')
    sh(s, 'kubectl wait --for=condition=Ready pod/p --timeout=60s')
    expect(sh(s, 'kubectl exec p -- printenv constructor toString').out).toBe('1\n2\n')
    expect(sh(s, 'kubectl exec p -- printenv valueOf').code).toBe(1)
    expect(sh(s, 'kubectl exec p -- cat /etc/v/toString').out).toBe('from-cm')
  })
})

describe('shell names a JavaScript object already has', () => {
  it('are ordinary variables, aliases and awk variables', () => {
    const s = new ShellSession({ seed: 1 })
    expect(sh(s, '__proto__=1; echo $__proto__ ${constructor:-unset}; constructor=2; toString=3; echo $constructor "$toString"').out).toBe('1 unset\n2 3\n')
    expect(sh(s, 'alias hasOwnProperty=echo\nhasOwnProperty hi').out).toBe('hi\n')
    expect(sh(s, 'echo x | awk -v constructor=5 \'{print constructor}\'').out).toBe('5\n')
    expect(({} as Record<string, unknown>).constructor).toBe(Object)
  })
})

describe('deep nesting', () => {
  const nested = (n: number) => `echo before\n${'if true; then '.repeat(n)}echo deep; ${'fi; '.repeat(n)}\necho after`

  it('runs nesting the interpreter can hold', () => {
    expect(sh(new ShellSession({ seed: 1 }), nested(Parser.MAX_NESTING)).out).toBe('before\ndeep\nafter\n')
  })

  it('a 2000-deep if gets bash\'s error for that line (its parser-stack overflow message), never a JavaScript stack overflow', () => {
    const r = sh(new ShellSession({ seed: 1 }), nested(2000))
    expect(r.out).toBe('before\n')
    expect(r.err.split('\n')[0]).toBe("bash: line 2: syntax error near unexpected token `true'")
    expect(r.err).not.toMatch(/Maximum call stack/)
    expect(r.code).toBe(2)
  })

  it('any other nesting too deep to read ends the script with kubehop\'s message, not JavaScript\'s', () => {
    const r = sh(new ShellSession({ seed: 1 }), `echo $(${'echo $('.repeat(4000)}echo x${')'.repeat(4001)}`)
    expect(r.err).not.toMatch(/Maximum call stack|RangeError/)
    expect(r.code).toBeGreaterThan(0)
  })
})

describe('limits', () => {
  it('seq prints exactly its cap of numbers, then says it stopped', () => {
    const r = sh(new ShellSession({ seed: 1 }), 'seq 1000001 | wc -l; seq 1000000 | tail -1')
    expect(r.out).toBe('1000000\n1000000\n')
    expect(r.err).toBe('seq: kubehop stops after 1000000 numbers\n')
  })

  it('seeds are whole: 0 and 2^32 (and 2^64 and 2^64-1) give different clusters', () => {
    const pods = (seed: number | string) => sh(new ShellSession({ seed }), 'kubectl create deployment w --image=nginx --replicas=2 >/dev/null; kubectl get pods -o name').out
    const runs = [0, 4294967296, '18446744073709551615', '18446744073709551616'].map(pods)
    expect(new Set(runs).size).toBe(4)
    // The same seed written two ways is one seed; a small seed keeps the generator it always had.
    expect(pods(4294967296)).toBe(pods('4294967296'))
    expect(pods(7)).toBe(pods('7'))
  })
})
