// What a running `kubectl port-forward` prints per connection (client-go tools/portforward/portforward.go,
// handleConnection): `Handling connection for PORT` on stdout; when the pod's port refuses, the error the
// kubelet's stream carries back, logged by runtime.HandleError through klog ("Unhandled Error", as apimachinery
// v0.32 logs it), after which forward() returns ErrLostConnectionToPod: `error: lost connection to pod`.
// The error text is the kubelet's (cri/streaming/portforward: `error forwarding port … to pod SANDBOX, uid :`)
// around containerd 2.0's (internal/cri/server/sandbox_portforward_linux.go: tcp4 then tcp6 to localhost).
import { klogHeader } from '../klog.ts'

/** A stable hex string of `length` digits derived from `text` (the pod's sandbox ID, its netns name). */
function hexFrom(text: string, length: number): string {
  let out = ''
  let h = 2166136261
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${round}:${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, length)
}

export function handlingConnection(localPort: number): string {
  return `Handling connection for ${localPort}\n`
}

/** The lines kubectl writes to stderr when the pod's port refuses a forwarded connection, then it exits 1. */
export function refusedForward(opts: { localPort: number; podPort: number; podUid: string; now: number; pid: number }): string {
  const sandbox = hexFrom(`sandbox/${opts.podUid}`, 64)
  const ns = hexFrom(`netns/${opts.podUid}`, 32)
  const netns = `/var/run/netns/cni-${ns.slice(0, 8)}-${ns.slice(8, 12)}-${ns.slice(12, 16)}-${ns.slice(16, 20)}-${ns.slice(20)}`
  const p = opts.podPort
  const cause = `error forwarding port ${p} to pod ${sandbox}, uid : failed to execute portforward in network namespace "${netns}": ` +
    `failed to connect to localhost:${p} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${p}: connect: connection refused IPv6 dial tcp6 [::1]:${p}: connect: connection refused `
  const err = `an error occurred forwarding ${opts.localPort} -> ${p}: ${cause}`
  // klog quotes a structured value and escapes its quotes.
  return `${klogHeader('E', opts.now, opts.pid, 'portforward.go:413')}"Unhandled Error" err=${JSON.stringify(err)}\nerror: lost connection to pod\n`
}

/** A process ID for the kubectl that runs the forward, stable for a session. */
export function kubectlPid(seedText: string): number {
  return 20000 + (parseInt(hexFrom(`pid/${seedText}`, 6), 16) % 40000)
}
