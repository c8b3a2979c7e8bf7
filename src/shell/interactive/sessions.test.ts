// Issue 18 point 2: `kubectl exec -it`, `kubectl run -it --rm` and `docker exec -it` open a shell that the following
// lines run in, until `exit` or the end of input; piped stdin runs inside. Each case shows the real tools' output.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'

function sh(s: ShellSession, script: string) {
  const records = s.runScript(script)
  const text = (stream: string) => records.flatMap((r) => r.chunks).filter((c) => c.stream === stream).map((c) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: records[records.length - 1]?.exitCode, records }
}

const podIP = (s: ShellSession, pod: string) => sh(s, `kubectl get pod ${pod} -o jsonpath='{.status.podIP}'`).out

describe('kubectl exec -it POD -- bash, from a script (the CLI)', () => {
  it('warns that stdin is no terminal, then runs the lines up to exit inside the pod', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl run kubia --image=luksa/kubia')
    sh(s, 'kubectl wait --for=condition=Ready pod/kubia --timeout=60s')
    const ip = podIP(s, 'kubia')
    const r = sh(s, 'kubectl exec -it kubia -- /bin/bash\nhostname\nhostname -I\ncat /etc/resolv.conf\nkubectl get pods\nexit 3\necho "back: $? $HOSTNAME"')
    expect(r.records.map((x) => x.source)).toEqual(['kubectl exec -it kubia -- /bin/bash', 'hostname', 'hostname -I', 'cat /etc/resolv.conf', 'kubectl get pods', 'exit 3', 'echo "back: $? $HOSTNAME"'])
    const outs = r.records.map((x) => x.chunks.map((c) => c.text).join(''))
    // kubectl/pkg/util/term/term.go (TTY.Safe → "Unable to use a TTY"): -t without a terminal is dropped, stdin still read.
    expect(outs[0]).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n')
    expect(outs.slice(1, 5)).toEqual([
      'kubia\n', `${ip} \n`,
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
      // the container has no kubectl: bash's own message, not the runtime's; reading a pipe it names the line
      'bash: line 4: kubectl: command not found\n',
    ])
    // exec.go: a non-zero remote status is kubectl's "command terminated with exit code N", and kubectl exits N.
    expect(outs[5]).toBe('command terminated with exit code 3\n')
    expect(outs[6]).toBe('back: 3 \n')
  })

  it('an image without bash: the runtime error, kubectl exits 1; sh works there', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl run bb --image=busybox -- sleep 3600')
    sh(s, 'kubectl wait --for=condition=Ready pod/bb --timeout=60s')
    const r = sh(s, 'kubectl exec -it bb -- bash')
    // containerd fails the exec's start; the kubelet answers an InternalError that kubectl prints (exit 1).
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^Unable to use a TTY - input is not a terminal or the right kind of file\nerror: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/)
    const inside = sh(s, 'kubectl exec -it bb -- sh\ncurl http://x\nexit 0')
    expect(inside.err).toContain('sh: curl: not found\n') // BusyBox ash's wording
    expect(inside.code).toBe(0)
  })

  it('the input ending inside the shell ends it, with the status of its last command', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl run kubia --image=luksa/kubia')
    sh(s, 'kubectl wait --for=condition=Ready pod/kubia --timeout=60s')
    const r = sh(s, 'kubectl exec -i kubia -- sh\nfalse')
    expect(r.records.at(-1)).toMatchObject({ source: '', exitCode: 1, chunks: [{ stream: 'stderr', text: 'command terminated with exit code 1\n' }] })
    expect(s.inNestedShell).toBe(false)
  })

  it('piped stdin runs inside the shell at once', () => {
    const s = new ShellSession({ seed: 1 })
    sh(s, 'kubectl run bb --image=busybox -- sleep 3600')
    sh(s, 'kubectl wait --for=condition=Ready pod/bb --timeout=60s')
    expect(sh(s, "echo 'cat /etc/hostname' | kubectl exec -i bb -- sh")).toMatchObject({ out: 'bb\n', err: '', code: 0 })
    expect(sh(s, "printf 'hostname\\nexit 4\\necho never\\n' | kubectl exec -i bb -- sh")).toMatchObject({ out: 'bb\n', err: 'command terminated with exit code 4\n', code: 4 })
    sh(s, 'kubectl run kubia --image=luksa/kubia')
    sh(s, 'kubectl wait --for=condition=Ready pod/kubia --timeout=60s')
    expect(sh(s, "printf 'true\\nfoo\\n' | kubectl exec -i kubia -- bash")).toMatchObject({ err: 'bash: line 2: foo: command not found\ncommand terminated with exit code 127\n', code: 127 })
  })
})

describe('kubectl run -it --rm', () => {
  it('opens a shell in the new pod and deletes the pod after exit', () => {
    const s = new ShellSession({ seed: 1 })
    const r = sh(s, 'kubectl run -it --rm tmp --image=busybox --restart=Never -- sh\nhostname\nexit\nkubectl get pods')
    const outs = r.records.map((x) => x.chunks.map((c) => c.text).join(''))
    // attach.go prints the prompt hint on stderr; run.go deletes the pod with --rm once the session ends.
    expect(outs).toEqual([
      "Unable to use a TTY - input is not a terminal or the right kind of file\nIf you don't see a command prompt, try pressing enter.\n",
      'tmp\n', 'pod "tmp" deleted\n', 'No resources found in default namespace.\n',
    ])
  })

  it('in a terminal: the BusyBox prompt, then the resume hint for a restarting pod and the deletion', () => {
    const s = new ShellSession({ seed: 1, terminal: true })
    sh(s, 'kubectl run -it --rm tmp --image=busybox -- sh')
    expect(s.prompt()).toBe('/ # ')
    const r = sh(s, 'exit')
    expect(r.out).toBe("Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\npod \"tmp\" deleted\n")
    expect(s.prompt()).toBe('$ ')
  })
})

describe('docker exec -it NODE bash', () => {
  it('needs a terminal, as docker says', () => {
    const s = new ShellSession({ seed: 1 })
    // docker/cli: "the input device is not a TTY" when -t is asked without one; nothing runs.
    expect(sh(s, 'docker exec -it kind-worker bash')).toMatchObject({ err: 'the input device is not a TTY\n', code: 1 })
    expect(s.inNestedShell).toBe(false)
  })

  it("in a terminal: the node's prompt, hostname and addresses, and kube-proxy's rules", () => {
    const s = new ShellSession({ seed: 1, terminal: true })
    sh(s, 'docker exec -it kind-worker bash')
    expect(s.prompt()).toBe('root@kind-worker:/# ')
    expect(sh(s, 'hostname').out).toBe('kind-worker\n')
    expect(sh(s, 'hostname -I').out).toMatch(/^172\.18\.0\.\d+ fc00:f853:ccd:e793::\w+ \n$/)
    expect(sh(s, 'iptables-save -t nat | grep -c "^:KUBE-SERVICES"').out).toBe('1\n')
    expect(sh(s, 'exit')).toMatchObject({ err: 'exit\n', code: 0 })
    expect(s.prompt()).toBe('$ ')
  })
})
