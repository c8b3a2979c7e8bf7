// `kubectl wait --for=condition=Ready pod/NAME | -l SELECTOR | --all [--timeout=30s]` and `--for=delete`.
// Waiting happens on the simulated clock: a second at a time until the condition holds or --timeout runs
// out. Output and errors as kubectl/pkg/cmd/wait/wait.go and condition.go print them:
// `pod/client condition met`, `error: timed out waiting for the condition on pods/client`,
// `error: no matching resources found`.
import type { KubectlContext } from '../context.ts'
import { GLOBAL_FLAGS, bool, parseFlags, str } from '../flags.ts'
import type { KubeObject } from '../../../engine/api/types.ts'
import { CommandError, verb } from './command-error.ts'
import { namespaceOf } from './options.ts'
import { slashName } from './names.ts'
import { parseTargets } from './targets.ts'
import { listSelected } from './select.ts'
import { advanceUntil } from './clock-wait.ts'

/** Go's time.ParseDuration for the forms people type: 30s, 2m, 1m30s, 500ms. */
export function parseDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (!parts.length || parts.map((p) => p[0]).join('') !== text) return undefined
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit as 'ms' | 's' | 'm' | 'h'], 0)
}

type Condition = { kind: 'condition'; name: string; value: string } | { kind: 'delete' }

function parseFor(value: string | undefined): Condition {
  if (!value) throw new CommandError('--for must be specified')
  if (value === 'delete') return { kind: 'delete' }
  const m = /^condition=([^=]+)(?:=(.*))?$/i.exec(value)
  if (!m) throw new CommandError(`unrecognized condition: "${value}"`)
  return { kind: 'condition', name: m[1], value: (m[2] ?? 'true').toLowerCase() }
}

function conditionMet(obj: KubeObject, cond: Extract<Condition, { kind: 'condition' }>): boolean {
  const conditions = (obj.status?.conditions ?? []) as { type: string; status: string }[]
  return conditions.some((c) => c.type.toLowerCase() === cond.name.toLowerCase() && c.status.toLowerCase() === cond.value)
}

export const wait = verb((ctx: KubectlContext) => {
  const flags = parseFlags(ctx.args, [...GLOBAL_FLAGS, { name: 'for', type: 'string' }, { name: 'timeout', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' }, { name: 'all', type: 'bool' }, { name: 'all-namespaces', short: 'A', type: 'bool' }])
  const cond = parseFor(str(flags, 'for'))
  const timeoutText = str(flags, 'timeout') ?? '30s'
  const timeout = /^\d+$/.test(timeoutText) ? Number(timeoutText) : parseDuration(timeoutText)
  if (timeout === undefined || Number.isNaN(timeout)) throw new CommandError(`invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`)
  const { namespace } = namespaceOf(flags)
  const { info, targets } = parseTargets(flags.positional, 'resource(s) were provided, but no name was specified')
  const selector = str(flags, 'selector')
  const bySelector = info && !targets.length
  if (bySelector && selector === undefined && !bool(flags, 'all')) throw new CommandError('resource(s) were provided, but no name was specified')
  const find = () => (bySelector
    ? listSelected(ctx, info!, namespace, selector).map((o) => ({ info: info!, name: o.metadata.name, obj: o as KubeObject | undefined }))
    : targets.map((t) => ({ ...t, obj: ctx.cluster.store.get(t.info.kind, t.info.namespaced ? namespace : undefined, t.name) as KubeObject | undefined })))
  const items = find()
  if (bySelector && items.length === 0) throw new CommandError('no matching resources found')
  for (const t of items) if (!t.obj && cond.kind !== 'delete') ctx.cluster.api.get(t.info.kind, namespace, t.name) // NotFound, as the API says it
  let waited = 0
  let code = 0
  for (const t of items) {
    const current = () => ctx.cluster.store.get(t.info.kind, t.info.namespaced ? namespace : undefined, t.name) as KubeObject | undefined
    const met = () => {
      const obj = current()
      return cond.kind === 'delete' ? !obj || obj.metadata.uid !== t.obj?.metadata.uid : !!obj && conditionMet(obj, cond)
    }
    waited = advanceUntil(ctx.cluster, met, timeout, waited, true)
    if (met()) {
      ctx.io.out(`${slashName(t.obj ?? { kind: t.info.kind, apiVersion: t.info.apiVersion, metadata: { name: t.name } })} condition met\n`)
    } else {
      ctx.io.err(`error: timed out waiting for the condition on ${t.info.plural}/${t.name}\n`)
      code = 1
    }
  }
  return code
})
