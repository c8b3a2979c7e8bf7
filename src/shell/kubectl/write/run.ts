// `kubectl run NAME --image=IMG [...] [-- ARGS]`: creates one Pod (`pod/NAME created`). With `--rm -it`
// and a command it runs the command in the pod, prints its output and deletes the pod, as an attached
// session does. Upstream: kubectl/pkg/cmd/run/run.go, cmd/attach/attach.go.
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, bool, int, parseFlags, str, strs } from '../flags.ts'
import { CommandError, verb } from './command-error.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, namespaceOf, outputOf } from './options.ts'
import { podObject } from './generators.ts'
import { createGenerated } from './write-object.ts'
import { quotedName } from './names.ts'
import { parseDuration } from './wait.ts'
import { advanceUntil } from './clock-wait.ts'
import { attachShell, podShell, shellOf, ttyFor } from '../../interactive/pod-shell.ts'
import { busyboxUserland } from '../../interactive/image-binaries.ts'
import { isValidReference } from '../../../engine/images/reference.ts'

export const run = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG, { name: 'image', type: 'string' }, { name: 'restart', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' }, { name: 'port', type: 'int' }, { name: 'env', type: 'stringArray' }, { name: 'command', type: 'bool' },
    { name: 'rm', type: 'bool' }, { name: 'stdin', short: 'i', type: 'bool' }, { name: 'tty', short: 't', type: 'bool' }, { name: 'attach', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' }, { name: 'image-pull-policy', type: 'string' }, { name: 'expose', type: 'bool' }, { name: 'overrides', type: 'string' },
    { name: 'annotations', type: 'stringArray' }, { name: 'save-config', type: 'bool' }, { name: 'pod-running-timeout', type: 'string' }, { name: 'privileged', type: 'bool' }])
  const name = flags.positional[0]
  if (!name) throw new CommandError('NAME is required for run')
  const image = str(flags, 'image')
  if (!image) throw new CommandError('required flag(s) "image" not set')
  // RunOptions.Validate checks the name against reference.ReferenceRegexp before anything reaches the server.
  if (!isValidReference(image)) throw new CommandError(`invalid image name "${image}": invalid reference format`)
  const dryRun = dryRunOf(flags)
  const interactive = bool(flags, 'stdin') || bool(flags, 'tty') || bool(flags, 'attach')
  if (dryRun !== 'none' && interactive) throw new CommandError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples")
  if (bool(flags, 'rm') && !interactive) throw new CommandError('--rm should only be used for attached containers')
  const restart = str(flags, 'restart') ?? 'Always'
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new CommandError(`invalid restart policy: ${restart}`)
  const labels = str(flags, 'labels')
  const env = strs(flags, 'env').map((e) => {
    const eq = e.indexOf('=')
    if (eq <= 0) throw new CommandError(`invalid env: ${e}`)
    return { name: e.slice(0, eq), value: e.slice(eq + 1) }
  })
  const args = [...flags.positional.slice(1), ...(flags.rest ?? [])]
  const { namespace } = namespaceOf(flags)
  const obj = podObject({
    name, image, namespace, env, args, restart, command: bool(flags, 'command'), port: int(flags, 'port'), stdin: bool(flags, 'stdin'), tty: bool(flags, 'stdin') && bool(flags, 'tty'),
    labels: labels ? Object.fromEntries(labels.split(',').map((kv) => kv.split('=') as [string, string])) : undefined,
  })
  if (!interactive) {
    createGenerated(ctx, obj, { dryRun, output: outputOf(flags) })
    return 0
  }
  ctx.cluster.api.create(obj as never)
  ctx.cluster.converge()
  const timeoutText = str(flags, 'pod-running-timeout') ?? '1m'
  const timeout = /^\d+$/.test(timeoutText) ? Number(timeoutText) : parseDuration(timeoutText)
  if (timeout === undefined || Number.isNaN(timeout)) throw new CommandError(`invalid argument "${timeoutText}" for "--pod-running-timeout" flag: time: invalid duration "${timeoutText}"`)
  const shell = shellOf(args.length ? args : busyboxUserland(image) ? ['sh'] : [])
  // An interactive shell keeps running on its open stdin; a one-shot command may already have exited (and, under
  // restartPolicy Always, be backing off) by the time kubectl looks: its first start is what the wait is for.
  if (!waitForPod(ctx, namespace, name, timeout, !(shell && bool(flags, 'stdin')))) throw new CommandError('timed out waiting for the condition')
  const pod = ctx.cluster.api.get('Pod', namespace, name)
  if (shell && bool(flags, 'stdin') && pod.status?.phase === 'Running') {
    const tty = ttyFor(ctx.host, ctx.io, bool(flags, 'tty'))
    if (bool(flags, 'tty') && !bool(flags, 'quiet')) ctx.io.err("If you don't see a command prompt, try pressing enter.\n")
    const after = (code: number, io: { out(text: string): void; err(text: string): void }) => {
      // attach.go: the resume hint for a pod that restarts its container; run.go then deletes with --rm.
      if (tty && restart === 'Always' && !bool(flags, 'quiet')) io.out(`Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`)
      return finishRun(ctx, namespace, name, bool(flags, 'rm'), code, io)
    }
    return attachShell(ctx.host, ctx.io, podShell(ctx.host, { cluster: ctx.cluster, pod, container: name, shell, tty, after })) ?? 0
  }
  if (bool(flags, 'tty') && !bool(flags, 'quiet')) ctx.io.err("If you don't see a command prompt, try pressing enter.\n")
  let code = 0
  // The command's output, as the attached stream shows it; a container between restarts (back-off) has none to attach to.
  const phase = pod.status?.phase
  if (args.length && (phase === 'Succeeded' || phase === 'Failed' || (pod as PodStatusView).status?.containerStatuses?.some((c) => c.state?.running))) {
    code = ctx.host.run({ argv: args, stdin: ctx.io.stdin, env: {}, location: { kind: 'pod', namespace, pod: name, container: name }, out: ctx.io.out, err: ctx.io.err, trace: ctx.io.trace })
  }
  return finishRun(ctx, namespace, name, bool(flags, 'rm'), code, ctx.io)
})

/** run.go handleAttachPod → waitForPod(podRunningAndReady), up to --pod-running-timeout (1m), on the simulated
 *  clock: the image is pulled and the container started before kubectl attaches. A pod that has already completed
 *  ends the wait too (ErrPodCompleted: kubectl then shows its logs). False when the time runs out. */
function waitForPod(ctx: KubectlContext, namespace: string, name: string, timeout: number, oneShot: boolean): boolean {
  const done = () => {
    const pod = ctx.cluster.store.get('Pod', namespace, name) as PodStatusView | undefined
    if (!pod) return true // deleted meanwhile: the get that follows says NotFound
    if (oneShot && started(pod)) return true
    const phase = pod.status?.phase
    if (phase === 'Succeeded' || phase === 'Failed') return true
    return phase === 'Running' && !!pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
  }
  advanceUntil(ctx.cluster, done, timeout)
  return done()
}

type PodStatusView = { status?: { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { state?: Record<string, unknown>; lastState?: Record<string, unknown> }[] } }

/** Whether the pod's container has started at least once (running now, or exited since). */
function started(pod: PodStatusView): boolean {
  const phase = pod.status?.phase
  if (phase === 'Running' || phase === 'Succeeded' || phase === 'Failed') return true
  return !!pod.status?.containerStatuses?.some((c) => c.state?.running || c.state?.terminated || c.lastState?.terminated)
}

/** After the attached session: --rm deletes the pod; a failed command makes kubectl fail (run.go). */
function finishRun(ctx: KubectlContext, namespace: string, name: string, rm: boolean, code: number, io: { out(text: string): void; err(text: string): void }): number {
  if (rm) {
    ctx.cluster.api.delete('Pod', namespace, name, { gracePeriodSeconds: 0 }) // the attached process has ended: nothing to wait for
    ctx.cluster.converge()
    io.out(`${quotedName('Pod', name)} deleted\n`)
    if (code !== 0) io.err(`pod ${namespace}/${name} terminated (Error)\n`)
  }
  return code === 0 ? 0 : 1
}
