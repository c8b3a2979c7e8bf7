// `kubectl exec` of a program the image does not have, per container runtime, and what the image does have (ps).
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'

function run(s: ShellSession, script: string) {
  const records = s.runScript(script)
  const text = (stream: string) => records.flatMap((r) => r.chunks).filter((c) => c.stream === stream).map((c) => c.text).join('')
  return { out: text('stdout'), err: text('stderr'), code: records[records.length - 1]?.exitCode }
}

function cluster(create: string, pods: string[]): ShellSession {
  const s = new ShellSession({ seed: 1 })
  run(s, `${create} >/dev/null 2>&1`)
  for (const p of pods) run(s, p)
  run(s, 'kubectl wait --for=condition=Ready pod --all --timeout=120s')
  return s
}

const CONTAINERD = /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "(\w+)": executable file not found in \$PATH: unknown\n$/

describe('kubectl exec of a program the image lacks', () => {
  it('kind (containerd): the InternalError line, kubectl exits 1, no "command terminated"', () => {
    const s = cluster('kind create cluster', ['kubectl run web --image=nginx', 'kubectl run kubia --image=luksa/kubia'])
    for (const [pod, tool] of [['web', 'ps'], ['web', 'nslookup'], ['web', 'ping'], ['kubia', 'nslookup'], ['kubia', 'dig']]) {
      const r = run(s, `kubectl exec ${pod} -- ${tool} kubernetes`)
      expect(r.err).toMatch(CONTAINERD)
      expect(CONTAINERD.exec(r.err)?.[1]).toBe(tool)
      expect(r.code).toBe(1)
      expect(r.out).toBe('')
    }
  })

  it('minikube (Docker Engine through cri-dockerd): runc\'s message and exit status 126', () => {
    const s = cluster('minikube start', ['kubectl run web --image=nginx'])
    const r = run(s, 'kubectl exec web -- ps')
    expect(r.err).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n')
    expect(r.code).toBe(126)
  })

  it('inside the container\'s shell, a missing program is the shell\'s own "not found"', () => {
    const s = cluster('kind create cluster', ['kubectl run web --image=nginx'])
    const r = run(s, "echo 'nslookup kubernetes' | kubectl exec -i web -- sh")
    expect(r.err).toBe('sh: 1: nslookup: not found\ncommand terminated with exit code 127\n')
    expect(r.code).toBe(127)
  })
})

describe('what the image has runs', () => {
  it('ps lists PID 1 from the image catalog (procps in kubia, the BusyBox applet in busybox)', () => {
    const s = cluster('kind create cluster', ['kubectl run kubia --image=luksa/kubia', 'kubectl run bb --image=busybox -- sleep 3600'])
    expect(run(s, 'kubectl exec kubia -- ps').out).toBe('    PID TTY          TIME CMD\n      1 ?        00:00:00 node\n      7 ?        00:00:00 ps\n')
    const aux = run(s, 'kubectl exec kubia -- ps aux').out.split('\n')
    expect(aux[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND')
    expect(aux[1]).toMatch(/^root +1 .* node app\.js$/)
    expect(run(s, 'kubectl exec bb -- ps').out).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n')
  })

  it('sh -c with a network tool runs in the container\'s shell (BusyBox wget)', () => {
    const s = cluster('kind create cluster', ['kubectl run web --image=nginx', 'kubectl expose pod web --port=80', 'kubectl run bb --image=busybox -- sleep 3600'])
    const r = run(s, `kubectl exec bb -- sh -c 'wget -qO- http://web | grep -c nginx; echo "rc=$?"'`)
    expect(r.out).toBe('6\nrc=0\n') // the welcome page's lines naming nginx
    expect(r.code).toBe(0)
  })
})

describe('kubectl run of an image name that cannot exist', () => {
  it('is refused by kubectl itself (reference.ReferenceRegexp), before anything is created', () => {
    const s = new ShellSession({ seed: 1 })
    expect(run(s, 'kubectl run up --image=NGINX')).toEqual({ out: '', err: 'error: invalid image name "NGINX": invalid reference format\n', code: 1 })
    expect(run(s, 'kubectl get pods').err).toBe('No resources found in default namespace.\n')
  })
})
