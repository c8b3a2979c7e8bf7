// `helm` (v3.16): cobra's command tree for the subcommands kubehop runs (repo add/list/update/remove, install, list,
// status, uninstall, version, help), pflag's parsing (persistent flags anywhere), cobra's and helm's error texts
// (`Error: …`, exit 1). Upstream: helm/helm pkg/cmd/root.go, pkg/cmd/require/args.go, spf13/cobra command.go.
import type { Command, CommandIO, ShellHost } from '../command.ts'
import type { FlagSpec, ParsedFlags } from '../kubectl/flags.ts'
import { FlagError, bool, parseFlags, str, strs } from '../kubectl/flags.ts'
import { levenshtein } from '../kubectl/index.ts'
import { HELP, ROOT_HELP, USE } from './help.ts'
import { repoCommand } from './repo.ts'
import { HelmError, install, uninstallObjects } from './install.ts'
import { deleteReleaseRecords, findRelease, goTimeString, listReleases, statusText, uitable } from './releases.ts'

const GLOBAL: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' }, { name: 'kube-context', type: 'string' }, { name: 'kubeconfig', type: 'string' },
  { name: 'debug', type: 'bool' }, { name: 'repository-config', type: 'string' }, { name: 'repository-cache', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
]
const GLOBAL_VALUED = new Set(['-n', '--namespace', '--kube-context', '--kubeconfig', '--repository-config', '--repository-cache'])

const IMPLEMENTED = ['install', 'list', 'repo', 'status', 'uninstall', 'version', 'help']
const ALIASES: Record<string, string> = { ls: 'list', un: 'uninstall', del: 'uninstall', delete: 'uninstall' }
/** helm's other commands: they exist, kubehop does not run them. */
const NOT_RUN = ['completion', 'create', 'dependency', 'env', 'get', 'history', 'lint', 'package', 'plugin', 'pull', 'push', 'registry',
  'rollback', 'search', 'show', 'template', 'test', 'upgrade', 'verify']

const VERSION_TEXT = 'version.BuildInfo{Version:"v3.16.3", GitCommit:"cfd07493f46efc9debd9cc1b02a0961186df7fdf", GitTreeState:"clean", GoVersion:"go1.22.7"}\n'

class UsageError extends Error {}

/** The positional words (commands and arguments) with global flags' values skipped. */
function words(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break
    if (GLOBAL_VALUED.has(args[i])) { i++; continue }
    if (!args[i].startsWith('-')) out.push(args[i])
  }
  return out
}

/** `args` without the first occurrence of each command word. */
function without(args: string[], ...cmd: string[]): string[] {
  const out = [...args]
  for (const c of cmd) {
    const i = out.indexOf(c)
    if (i >= 0) out.splice(i, 1)
  }
  return out
}

function cobraArgs(path: string, n: number, kind: 'exact' | 'none' | 'min', got: number): void {
  const plural = n === 1 ? 'argument' : 'arguments'
  if (kind === 'exact' && got !== n) throw new UsageError(`"helm ${path}" requires ${n} ${plural}\n\nUsage:  ${USE[path]}`)
  if (kind === 'min' && got < n) throw new UsageError(`"helm ${path}" requires at least ${n} ${plural}\n\nUsage:  ${USE[path]}`)
  if (kind === 'none' && got > 0) throw new UsageError(`"helm ${path}" accepts no arguments\n\nUsage:  ${USE[path]}`)
}

function unknownCommand(io: CommandIO, word: string, parent: string, candidates: string[]): number {
  const suggestions = candidates.filter((k) => levenshtein(k, word) <= 2 || k.startsWith(word)).sort()
  io.err(`Error: unknown command "${word}" for "${parent}"${suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : ''}\nRun '${parent} --help' for usage.\n`)
  return 1
}

const namespaceOf = (f: ParsedFlags) => str(f, 'namespace') ?? 'default'

export const helm: Command = (io: CommandIO, host: ShellHost) => {
  const args = io.argv.slice(1)
  const w = words(args)
  const first = w[0]
  if (!first || (first === 'help' && !w[1])) {
    if (!first && args.some((a) => a !== '-h' && a !== '--help' && a.startsWith('-') && !GLOBAL_VALUED.has(a))) {
      // Flags alone: pflag still rejects unknown ones.
      try { parseFlags(args, GLOBAL) } catch (err) { if (err instanceof FlagError) { io.err(`Error: ${err.message}\n`); return 1 } throw err }
    }
    io.out(ROOT_HELP)
    return 0
  }
  const cmd = ALIASES[first] ?? first
  if (cmd === 'help') {
    const topic = [ALIASES[w[1]] ?? w[1], ...w.slice(2)].join(' ')
    if (!HELP[topic]) return unknownCommand(io, w[1], 'helm', IMPLEMENTED)
    io.out(HELP[topic])
    return 0
  }
  if (NOT_RUN.includes(cmd)) {
    io.err(`Error: kubehop's helm does not run "helm ${cmd}" (it runs install, list, status, uninstall, repo and version)\n`)
    return 1
  }
  if (!IMPLEMENTED.includes(cmd)) return unknownCommand(io, first, 'helm', [...IMPLEMENTED, ...NOT_RUN])
  const rest = without(args, first)
  try {
    if (cmd === 'repo') return repoCommand(io, host, rest, GLOBAL)
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(HELP[cmd])
      return 0
    }
    return run(io, host, cmd, rest)
  } catch (err) {
    if (err instanceof FlagError || err instanceof HelmError || err instanceof UsageError) {
      io.err(`Error: ${err.message}\n`)
      return 1
    }
    throw err
  }
}

/** helm's message when there is no cluster to talk to (client-go's default, no kubeconfig). */
const UNREACHABLE = 'Kubernetes cluster unreachable: Get "http://localhost:8080/version": dial tcp 127.0.0.1:8080: connect: connection refused'

function run(io: CommandIO, host: ShellHost, cmd: string, rest: string[]): number {
  const cluster = host.cluster
  switch (cmd) {
    case 'version': {
      const f = parseFlags(rest, [...GLOBAL, { name: 'short', type: 'bool' }, { name: 'template', type: 'string' }])
      cobraArgs('version', 0, 'none', f.positional.length)
      io.out(bool(f, 'short') ? 'v3.16.3+gcfd0749\n' : VERSION_TEXT)
      return 0
    }
    case 'install': {
      const f = parseFlags(rest, [...GLOBAL, { name: 'create-namespace', type: 'bool' }, { name: 'set', type: 'stringArray' }, { name: 'version', type: 'string' },
        { name: 'dry-run', type: 'string', noOptDefault: 'client' }, { name: 'wait', type: 'bool' }, { name: 'timeout', type: 'string' }, { name: 'atomic', type: 'bool' }])
      cobraArgs('install', 1, 'min', f.positional.length)
      if (!cluster) throw new HelmError(`INSTALLATION FAILED: ${UNREACHABLE}`)
      const dryRun = str(f, 'dry-run')
      io.out(install(host, cluster, { args: f.positional, namespace: namespaceOf(f), createNamespace: bool(f, 'create-namespace'), sets: strs(f, 'set'), version: str(f, 'version'),
        dryRun: dryRun !== undefined && dryRun !== 'none' && dryRun !== 'false' }))
      return 0
    }
    case 'list': {
      const f = parseFlags(rest, [...GLOBAL, { name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'short', short: 'q', type: 'bool' }, { name: 'all', short: 'a', type: 'bool' }])
      cobraArgs('list', 0, 'none', f.positional.length)
      if (!cluster) throw new HelmError(UNREACHABLE)
      // Without --all, list shows deployed and failed releases (action.List's default state mask).
      const rels = listReleases(cluster, bool(f, 'all-namespaces') ? undefined : namespaceOf(f)).filter((r) => bool(f, 'all') || r.status === 'deployed' || r.status === 'failed')
      if (bool(f, 'short')) {
        io.out(rels.map((r) => `${r.name}\n`).join(''))
        return 0
      }
      io.out(uitable([['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'],
        ...rels.map((r) => [r.name, r.namespace, String(r.version), goTimeString(r.lastDeployed, r.nanos), r.status, `${r.chart.name}-${r.chart.version}`, r.chart.appVersion])]))
      return 0
    }
    case 'status': {
      const f = parseFlags(rest, [...GLOBAL, { name: 'revision', type: 'int' }])
      cobraArgs('status', 1, 'exact', f.positional.length)
      if (!cluster) throw new HelmError(UNREACHABLE)
      const rel = findRelease(cluster, namespaceOf(f), f.positional[0])
      if (!rel) throw new HelmError('release: not found')
      io.out(statusText(rel))
      return 0
    }
    case 'uninstall': {
      const f = parseFlags(rest, [...GLOBAL, { name: 'keep-history', type: 'bool' }, { name: 'wait', type: 'bool' }, { name: 'dry-run', type: 'bool' }])
      cobraArgs('uninstall', 1, 'min', f.positional.length)
      if (!cluster) throw new HelmError(UNREACHABLE)
      for (const name of f.positional) {
        const rel = findRelease(cluster, namespaceOf(f), name)
        if (!rel) throw new HelmError(`uninstall: Release not loaded: ${name}: release: not found`)
        uninstallObjects(cluster, rel)
        deleteReleaseRecords(cluster, rel)
        cluster.converge()
        io.out(`release "${name}" uninstalled\n`)
      }
      return 0
    }
  }
  return 1
}
