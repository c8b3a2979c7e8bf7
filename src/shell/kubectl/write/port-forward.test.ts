// kubectl port-forward's per-connection lines (client-go tools/portforward/portforward.go handleConnection) and
// its errors, as the terminal shows them around the curl that connects.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../../session.ts'

function lines(session: ShellSession, script: string) {
  return session.runScript(script).map((r) => r.chunks.map((c) => c.text).join(''))
}

describe('kubectl port-forward', () => {
  const s = new ShellSession({ seed: 1 })
  lines(s, 'kubectl run echo --image=registry.k8s.io/echoserver:1.10 --port=8080\nkubectl wait --for=condition=Ready pod/echo')

  it('prints Handling connection once per connection, on the terminal even when curl is piped or silenced', () => {
    const [fwd, piped, silent] = lines(s, 'kubectl port-forward pod/echo 9090:8080 &\ncurl -s http://localhost:9090/ | grep client_address\ncurl -s -o /dev/null localhost:9090 2>/dev/null')
    expect(fwd).toBe('Forwarding from 127.0.0.1:9090 -> 8080\nForwarding from [::1]:9090 -> 8080\n')
    expect(piped).toBe('Handling connection for 9090\n\tclient_address=127.0.0.1\n')
    expect(silent).toBe('Handling connection for 9090\n')
  })

  it('refuses a port already listened on', () => {
    const [again] = lines(s, 'kubectl port-forward pod/echo 9090:8080')
    expect(again).toBe('Unable to listen on port 9090: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:9090: bind: address already in use unable to create listener: Error listen tcp6 [::1]:9090: bind: address already in use]\n' +
      'error: unable to listen on any of the requested ports: [{9090 8080}]\n')
  })

  it('loses the connection to the pod when its port refuses, and stops listening', () => {
    const [, first, second] = lines(s, 'kubectl port-forward pod/echo 8888:8081 &\ncurl -s localhost:8888; echo "exit $?"\ncurl -s localhost:8888; echo "exit $?"')
    expect(first).toMatch(/^Handling connection for 8888\nE0101 09:\d\d:\d\d\.\d{6} {3}\d{5} portforward\.go:413\] "Unhandled Error" err="an error occurred forwarding 8888 -> 8081: error forwarding port 8081 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/var\/run\/netns\/cni-[0-9a-f-]{36}\\": failed to connect to localhost:8081 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127.0.0.1:8081: connect: connection refused IPv6 dial tcp6 \[::1\]:8081: connect: connection refused "\nerror: lost connection to pod\nexit 52\n$/)
    expect(second).toBe('exit 7\n')
  })

  it('names a missing pod and a pod that is not running', () => {
    expect(lines(s, 'kubectl port-forward nosuch 8888:8080')).toEqual(['Error from server (NotFound): pods "nosuch" not found\n'])
    const [, pending] = lines(s, 'kubectl run pending --image=nginx --overrides=\'{"spec":{"nodeSelector":{"x":"y"}}}\'\nkubectl port-forward pending 7777:80')
    expect(pending).toBe('error: unable to forward port because pod is not running. Current status=Pending\n')
  })
})
