// Whether a container's PID 1 exits on SIGTERM. The kernel delivers no signal to PID 1 whose disposition is the
// default, so only a process that installs a handler stops when the kubelet sends SIGTERM (kuberuntime
// killContainer); the others run until the grace period ends and SIGKILL (exit 137). A stop-gap until the image
// catalog says it per image: nginx and Go servers handle SIGTERM; sleep, shells and Node.js (luksa/kubia) do not.
import type { Container } from 'kubernetes-types/core/v1'
import { appKind } from '../apps/registry.ts'

/** PID 1 programs that install no SIGTERM handler (node/python do not by default; sh/sleep/tail never). */
const IGNORES = new Set(['sleep', 'sh', 'bash', 'ash', 'dash', 'zsh', 'tail', 'node', 'nodejs', 'npm', 'python', 'python3', 'cat', 'watch', 'ping'])

export function exitsOnSigterm(container: Pick<Container, 'image' | 'command' | 'args'>): boolean {
  const program = container.command?.[0]
  if (program !== undefined) return !IGNORES.has(program.replace(/^.*\//, ''))
  const kind = appKind(container.image ?? '')
  // Images whose default process ignores SIGTERM: kubia's `node app.js`, the tool images' shells.
  return kind !== 'kubia' && kind !== 'tool'
}
