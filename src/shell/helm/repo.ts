// `helm repo add|list|update|remove` (pkg/cmd/repo_add.go, repo_list.go, repo_update.go, repo_remove.go): the
// repositories live in repositories.yaml (repo-file.ts). Adding one downloads its index.yaml; kubehop knows the
// indexes of charts/index.ts by URL and reaches no network, so any other URL fails as helm's getter does when the
// host does not resolve (or, on a host that serves files, answers 404).
import type { CommandIO, ShellHost } from '../command.ts'
import type { FlagSpec } from '../kubectl/flags.ts'
import { bool, parseFlags } from '../kubectl/flags.ts'
import { upstreamResolve } from '../../engine/network/outside.ts'
import { rfc3339 } from '../../engine/sim/clock.ts'
import { HELP, USE } from './help.ts'
import { readRepos, writeRepos } from './repo-file.ts'
import { repoCharts } from './charts/index.ts'
import { uitable } from './releases.ts'
import { HelmError } from './install.ts'

const FILE_HOSTS = new Set(['raw.githubusercontent.com', 'github.com', 'gist.githubusercontent.com', 'objects.githubusercontent.com'])

/** Why `URL/index.yaml` cannot be fetched (Go's net/http error or helm's getter's status line), or undefined. */
function fetchError(url: string): string | undefined {
  if (repoCharts(url)) return undefined
  const index = `${url.replace(/\/+$/, '')}/index.yaml`
  const m = /^(https?):\/\/([^/:?#]+)/.exec(url)
  if (!m) return `could not find protocol handler for: ${url.split(':')[0]}`
  const host = m[2].toLowerCase()
  if (FILE_HOSTS.has(host) || upstreamResolve(host, 'A')) return `failed to fetch ${index} : 404 Not Found`
  return `Get "${index}": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`
}

const usageErr = (path: string, message: string) => new HelmError(`${message}\n\nUsage:  ${USE[path]}`)

export function repoCommand(io: CommandIO, host: ShellHost, args: string[], global: FlagSpec[]): number {
  const sub = args.find((a) => !a.startsWith('-'))
  const name = ({ ls: 'list', up: 'update', rm: 'remove' } as Record<string, string>)[sub ?? ''] ?? sub
  const rest = sub ? args.filter((_, i) => i !== args.indexOf(sub)) : args
  if (!name || !['add', 'list', 'update', 'remove'].includes(name)) {
    if (!name) {
      io.out(HELP.repo)
      return 0
    }
    throw usageErr('repo', `"helm repo" accepts no arguments`)
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP[`repo ${name}`])
    return 0
  }
  const now = host.cluster?.clock.now() ?? 0
  const repos = readRepos(host)
  switch (name) {
    case 'add': {
      const f = parseFlags(rest, [...global, { name: 'force-update', type: 'bool' }, { name: 'no-update', type: 'bool' }, { name: 'username', type: 'string' }, { name: 'password', type: 'string' }])
      if (f.positional.length !== 2) throw usageErr('repo add', `"helm repo add" requires 2 arguments`)
      const [repoName, url] = f.positional
      if (repoName.includes('/')) throw new HelmError(`repository name (${repoName}) contains '/', please specify a different name without '/'`)
      const existing = repos.find((r) => r.name === repoName)
      if (existing && !bool(f, 'force-update')) {
        if (existing.url !== url) throw new HelmError(`repository name (${repoName}) already exists, please specify a different name`)
        io.out(`"${repoName}" already exists with the same configuration, skipping\n`)
        return 0
      }
      const err = fetchError(url)
      if (err) throw new HelmError(`looks like "${url}" is not a valid chart repository or cannot be reached: ${err}`)
      writeRepos(host, [...repos.filter((r) => r.name !== repoName), { name: repoName, url }], rfc3339(now))
      io.out(`"${repoName}" has been added to your repositories\n`)
      return 0
    }
    case 'list': {
      const f = parseFlags(rest, global)
      if (f.positional.length) throw usageErr('repo list', `"helm repo list" accepts no arguments`)
      if (!repos.length) throw new HelmError('no repositories to show')
      io.out(uitable([['NAME', 'URL'], ...repos.map((r) => [r.name, r.url])]))
      return 0
    }
    case 'update': {
      const f = parseFlags(rest, global)
      if (!repos.length) throw new HelmError('no repositories found. You must add one before updating')
      for (const n of f.positional) if (!repos.some((r) => r.name === n)) throw new HelmError(`no repositories found matching '${n}'.  Nothing will be updated`)
      io.out('Hang tight while we grab the latest from your chart repositories...\n')
      for (const r of repos.filter((r) => !f.positional.length || f.positional.includes(r.name))) io.out(`...Successfully got an update from the "${r.name}" chart repository\n`)
      io.out('Update Complete. ⎈Happy Helming!⎈\n')
      return 0
    }
    case 'remove': {
      const f = parseFlags(rest, global)
      if (!f.positional.length) throw usageErr('repo remove', `"helm repo remove" requires at least 1 argument`)
      for (const n of f.positional) {
        if (!repos.some((r) => r.name === n)) throw new HelmError(`no repo named "${n}" found`)
        writeRepos(host, readRepos(host).filter((r) => r.name !== n), rfc3339(now))
        io.out(`"${n}" has been removed from your repositories\n`)
      }
      return 0
    }
  }
  return 1
}
