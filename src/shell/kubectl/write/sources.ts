// The `-f` arguments of apply/create/delete: a file (relative to the script), `-` (standard input, named
// STDIN in messages), or a URL. kubectl resolves every path before doing anything, so a missing file
// fails the whole command (cli-runtime resource/builder.go FilenameParam + visitor.go ExpandPathsToFileVisitors).
import type { KubectlContext } from '../context.ts'
import { CommandError } from './command-error.ts'
import { upstreamResolve } from '../../../engine/network/outside.ts'
import { ingressNginxManifest } from './ingress-nginx.ts'
import { metallbManifest } from './metallb.ts'
import type { StaticManifest } from './ingress-nginx.ts'

export type Source =
  | { kind: 'text'; name: string; text: string }
  | { kind: 'static'; name: string; manifest: StaticManifest }

export function readSources(ctx: KubectlContext, filenames: string[]): Source[] {
  if (!filenames.length) throw new CommandError('must specify one of -f and -k')
  return filenames.map((f) => {
    if (f === '-') return { kind: 'text', name: 'STDIN', text: ctx.io.stdin ?? '' }
    if (/^https?:\/\//.test(f)) {
      const manifest = ingressNginxManifest(f, ctx.cluster.profile.type) ?? metallbManifest(f)
      if (!manifest) throw new CommandError(unreadableURL(f))
      return { kind: 'static', name: f, manifest }
    }
    const text = ctx.host.readFile(f)
    if (text === undefined) throw new CommandError(`the path "${f}" does not exist`)
    return { kind: 'text', name: f, text }
  })
}

// Hosts that serve files (an unknown path there is a 404); any other name does not resolve (no network here).
const FILE_HOSTS = new Set(['raw.githubusercontent.com', 'github.com', 'gist.githubusercontent.com', 'objects.githubusercontent.com'])

/** kubectl's error for a URL it cannot read (cli-runtime resource/visitor.go readHttpWithRetries; Go's net/http error text). */
function unreadableURL(url: string): string {
  const host = /^https?:\/\/([^/:?#]+)/.exec(url)?.[1]?.toLowerCase() ?? ''
  if (FILE_HOSTS.has(host) || upstreamResolve(host, 'A')) return `unable to read URL "${url}", server reported 404 Not Found, status code=404`
  return `Get "${url}": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`
}
