// The session's `kubectl port-forward` listeners. A script cannot block, so a port-forward behaves as if
// started in the background and lasts until the session ends; the data plane reads this registry so that
// `curl localhost:LOCAL` on the host reaches the pod directly (behaviour 7, bypassing any Service).
import type { ShellHost } from '../../command.ts'

export interface PortForward {
  /** Host port on 127.0.0.1 and [::1]. */
  localPort: number
  namespace: string
  pod: string
  /** The pod's port (a Service port is already translated to its target port). */
  podPort: number
  /** What the user named (`svc/kubia`, `pod/x`), for messages. */
  target: string
  /** The data plane tells the kubectl process of each connection it carries (it prints a line for each). */
  onConnection?(answered: boolean): void
}

const registry = new WeakMap<ShellHost, PortForward[]>()

/** The forwards a session has running, in the order they were started. */
export function getPortForwards(host: ShellHost): readonly PortForward[] {
  return registry.get(host) ?? []
}

export function addPortForward(host: ShellHost, forward: PortForward): void {
  const list = registry.get(host) ?? []
  list.push(forward)
  registry.set(host, list)
}

/** The kubectl process behind `forwards` ended (lost connection to pod): its listeners close. */
export function removePortForwards(host: ShellHost, forwards: readonly PortForward[]): void {
  registry.set(host, getPortForwards(host).filter((f) => !forwards.includes(f)))
}

/** The forward listening on a host port, if any (what `curl localhost:PORT` connects to). */
export function portForwardOn(host: ShellHost, localPort: number): PortForward | undefined {
  return getPortForwards(host).find((f) => f.localPort === localPort)
}
