// Issue 18 point 3: command lines parsed as the real tools parse them (cobra/pflag for kubectl and kind, bind9's dig,
// curl's -w). Each case shows the real tool's output, with the upstream source that decides it.
import { describe, expect, it } from 'vitest'
import { ShellSession } from './session.ts'

function sh(s: ShellSession, line: string) {
  const records = s.runScript(line)
  const text = (stream: string) => records.flatMap((r) => r.chunks).filter((c) => c.stream === stream).map((c) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: records[records.length - 1].exitCode }
}

describe('kubectl', () => {
  it('old `exec POD CMD -s URL` syntax: -s is the global --server flag, and the command without -- is refused', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl run kubia --image=luksa/kubia')
    // kubectl/pkg/cmd/exec/exec.go Complete: cmdutil.UsageErrorf when args hold a command and there is no --.
    expect(sh(s, 'kubectl exec kubia curl -s http://10.96.0.1')).toEqual({
      out: '', code: 1,
      err: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    })
    // --server before the verb takes its value, so `get` is still found as the verb.
    expect(sh(s, 'kubectl -s https://127.0.0.1:6443 get pod kubia -o name').out).toBe('pod/kubia\n')
  })
})

describe('kubectl expose', () => {
  it('of a pod without labels fails as kubectl does, creating nothing', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl run web --image=nginx')
    sh(s, 'kubectl label pod web run-')
    // kubectl/pkg/polymorphichelpers/mapbasedselectorforobject.go, wrapped by expose.go's cmdutil.UsageErrorf.
    expect(sh(s, 'kubectl expose pod web --port=80')).toEqual({
      out: '', code: 1,
      err: "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\nSee 'kubectl expose -h' for help and examples\n",
    })
    expect(sh(s, 'kubectl get svc web').err).toBe('Error from server (NotFound): services "web" not found\n')
  })
})

describe('kind', () => {
  it('`kind create cluster -- config kind.yml` fails on the stray word and builds nothing', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, "printf 'kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\nnodes:\\n- role: control-plane\\n' > kind.yml")
    // kind pkg/cmd/kind/create/cluster/createcluster.go: Args: cobra.NoArgs; kind prints errors as `ERROR: ...`.
    expect(sh(s, 'kind create cluster -- config kind.yml')).toEqual({ out: '', err: 'ERROR: unknown command "config" for "kind create cluster"\n', code: 1 })
    expect(s.clusterTouched).toBe(false)
    expect(sh(s, 'kind create cluster --confg kind.yml')).toMatchObject({ err: 'ERROR: unknown flag: --confg\n', code: 1 })
  })
})

describe('dig', () => {
  it('a type word sets the query type before or after the name', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl run tools --image=nicolaka/netshoot -- sleep infinity')
    sh(s, 'kubectl wait --for=condition=Ready pod/tools --timeout=60s')
    const name = '_https._tcp.kubernetes.default.svc.cluster.local'
    // bind9 bin/dig/dig.c parse_args: a word that parses as an RR type is the type, wherever it stands.
    const before = sh(s, `kubectl exec tools -- dig SRV ${name} +short`)
    const after = sh(s, `kubectl exec tools -- dig ${name} SRV +short`)
    expect(before).toEqual({ out: '0 100 443 kubernetes.default.svc.cluster.local.\n', err: '', code: 0 })
    expect(after).toEqual(before)
    expect(sh(s, `kubectl exec tools -- dig ${name} +short`).out).toBe('')
  })
})

describe('curl -w', () => {
  it('prints 000 for %{http_code} after a failed connection, after the error message', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl run tools --image=nicolaka/netshoot -- sleep infinity')
    sh(s, 'kubectl wait --for=condition=Ready pod/tools --timeout=60s')
    // curl src/tool_operate.c post_per_transfer: the error is printed, then ourWriteOut with the response code 0.
    expect(sh(s, "kubectl exec tools -- curl -sS -w '%{http_code}\\n' http://10.244.9.9:81 --max-time 2")).toEqual({
      out: '000\n', code: 28, err: 'curl: (28) Connection timed out after 2001 milliseconds\ncommand terminated with exit code 28\n',
    })
    expect(sh(s, "kubectl exec tools -- curl -s -w '%{http_code} %{exitcode}\\n' http://nowhere.example.invalid").out).toBe('000 6\n')
  })

  it('prints the status with -f on an HTTP error', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl create deployment web --image=nginx')
    sh(s, 'kubectl expose deployment web --port=80')
    sh(s, 'kubectl wait --for=condition=Available deployment/web --timeout=60s')
    sh(s, 'kubectl run tools --image=nicolaka/netshoot -- sleep infinity')
    sh(s, 'kubectl wait --for=condition=Ready pod/tools --timeout=60s')
    const r = sh(s, "kubectl exec tools -- curl -s -f -w '%{http_code}\\n' http://web/missing")
    expect(r).toMatchObject({ out: '404\n', code: 22 })
  })
})
