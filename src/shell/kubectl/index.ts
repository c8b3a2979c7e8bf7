// `kubectl`: finds the subcommand and the cluster, and prints kubectl's own errors when either is missing.
import type { Command } from '../command.ts'
import { READ_COMMANDS } from './read-commands.ts'
import { WRITE_COMMANDS } from './write-commands.ts'
import { FlagError } from './flags.ts'
import { ApiError } from '../../engine/api/api-server.ts'
import { kubectlErrorMessage } from '../../engine/admission/index.ts'
import { apiServerUnreachable } from './api-reachable.ts'
import { CLIENT_VERSION_TEXT } from './read/version.ts'

const SUBCOMMANDS = { ...READ_COMMANDS, ...WRITE_COMMANDS }

export const kubectl: Command = (io, host) => {
  // Global flags may come before the subcommand (`kubectl -n kube-system get pods`).
  const words = io.argv.slice(1)
  let verbIndex = 0
  while (verbIndex < words.length && words[verbIndex].startsWith('-')) {
    verbIndex += /^(-n|-s|--namespace|--context|--kubeconfig|--server|--user|--cluster|--token|--as|--request-timeout)$/.test(words[verbIndex]) ? 2 : 1
  }
  const verb = words[verbIndex]
  if (!verb) {
    io.out('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n')
    return 0
  }
  const sub = SUBCOMMANDS[verb]
  if (!sub) {
    // cobra suggests commands within Levenshtein distance 2, or that start with what was typed.
    const suggestions = Object.keys(SUBCOMMANDS).filter((k) => levenshtein(k, verb) <= 2 || k.startsWith(verb)).sort()
    io.err(`error: unknown command "${verb}" for "kubectl"\n${suggestions.length ? `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : ''}`)
    return 1
  }
  const cluster = host.cluster
  if (!cluster && verb !== 'version') {
    io.err('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n')
    return 1
  }
  const args = [...words.slice(0, verbIndex), ...words.slice(verbIndex + 1)]
  const unreachable = cluster && apiServerUnreachable(cluster, verb, args)
  if (unreachable) {
    if (verb === 'version') io.out(CLIENT_VERSION_TEXT)
    io.err(`${unreachable}\n`)
    return 1
  }
  try {
    return sub({ io, host, cluster: cluster!, args, verb })
  } catch (err) {
    if (err instanceof FlagError) {
      io.err(`error: ${err.message}\nSee 'kubectl ${verb} --help' for usage.\n`)
      return 1
    }
    if (err instanceof ApiError) {
      io.err(`${kubectlErrorMessage(err.status)}\n`)
      return 1
    }
    throw err
  }
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = row[j]
      row[j] = next
    }
  }
  return row[b.length]
}
