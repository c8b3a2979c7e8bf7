// The `-f` arguments of apply/create/delete: a file (relative to the script), `-` (standard input, named
// STDIN in messages), or a URL. kubectl resolves every path before doing anything, so a missing file
// fails the whole command (cli-runtime resource/builder.go FilenameParam + visitor.go ExpandPathsToFileVisitors).
import type { KubectlContext } from '../context.ts'
import { CommandError } from './command-error.ts'
import { ingressNginxManifest } from './ingress-nginx.ts'
import type { StaticManifest } from './ingress-nginx.ts'

export type Source =
  | { kind: 'text'; name: string; text: string }
  | { kind: 'static'; name: string; manifest: StaticManifest }

export function readSources(ctx: KubectlContext, filenames: string[]): Source[] {
  if (!filenames.length) throw new CommandError('must specify one of -f and -k')
  return filenames.map((f) => {
    if (f === '-') return { kind: 'text', name: 'STDIN', text: ctx.io.stdin ?? '' }
    if (/^https?:\/\//.test(f)) {
      const manifest = ingressNginxManifest(f, ctx.cluster.profile.type)
      if (!manifest) throw new CommandError(`unable to read URL "${f}", server reported 404 Not Found, status code=404`)
      return { kind: 'static', name: f, manifest }
    }
    const text = ctx.host.readFile(f)
    if (text === undefined) throw new CommandError(`the path "${f}" does not exist`)
    return { kind: 'text', name: f, text }
  })
}
