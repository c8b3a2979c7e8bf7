// Objects named on the command line: `KIND NAME...` or `KIND/NAME...` (cli-runtime builder ResourceTypeOrNameArgs).
import type { KindInfo } from '../../../engine/api/kinds.ts'
import { resolveResource } from '../../../engine/api/kinds.ts'
import { CommandError } from './command-error.ts'

export interface Target { info: KindInfo; name: string }

export function resolveKind(typed: string): KindInfo {
  const info = resolveResource(typed)
  if (!info) throw new CommandError(`the server doesn't have a resource type "${typed}"`)
  return info
}

/** Parses positional args into kind/name pairs; `allowTypeOnly` returns the kind with no names (for --all / -l). */
export function parseTargets(args: string[], usage: string): { info?: KindInfo; targets: Target[] } {
  if (!args.length) throw new CommandError(usage)
  if (args.some((a) => a.includes('/'))) {
    const targets = args.map((a) => {
      const slash = a.indexOf('/')
      if (slash < 0) throw new CommandError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`)
      return { info: resolveKind(a.slice(0, slash)), name: a.slice(slash + 1) }
    })
    return { targets }
  }
  const infos = args[0].split(',').map(resolveKind)
  const names = args.slice(1)
  return { info: infos[0], targets: infos.flatMap((info) => names.map((name) => ({ info, name }))) }
}
