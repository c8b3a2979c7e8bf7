// `bin/kubehop`: the headless CLI of cli-contract.md. Runs a script against a fresh simulated cluster.
import { readFileSync, existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ShellSession } from '../shell/session.ts'
import { formatJsonRecord, formatTranscriptRecord } from './transcript.ts'
import { VERSION } from '../engine/version.ts'
import type { Seed } from '../engine/sim/random.ts'

const USAGE = `kubehop ${VERSION}: a simulated Kubernetes cluster for learning how requests reach pods.

Usage:
  kubehop run [--seed N] [--json] FILE   run a script (FILE, or - for standard input)
  kubehop --version                      print the version
  kubehop --help                         print this help

Options:
  --seed N   seed for every random choice (pod names, endpoint picks, node ports); default 1
  --json     print one JSON object per command (JSON Lines) instead of a transcript
`

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => string
  cwd: string
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`kubehop: ${message}\nRun 'kubehop --help' for usage.\n`)
  return 2
}

export function main(argv: string[], io: CliIO): number {
  if (argv.length === 0) return usageError(io, 'missing command')
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.stdout(`kubehop ${VERSION}\n`)
    return 0
  }
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(USAGE)
    return 0
  }
  if (argv[0] !== 'run') return usageError(io, `unknown command "${argv[0]}"`)
  let seed: Seed = 1
  let json = false
  let file: string | undefined
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') json = true
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? argv[++i] : arg.slice('--seed='.length)
      if (value === undefined || !/^\d+$/.test(value)) return usageError(io, `--seed needs a non-negative integer, got "${value ?? ''}"`)
      // Every digit counts: a seed past 2^53 stays text rather than rounding onto a neighbour.
      seed = Number.isSafeInteger(Number(value)) ? Number(value) : value
    } else if (arg === '-' || !arg.startsWith('-')) {
      if (file !== undefined) return usageError(io, `unexpected argument "${arg}"`)
      file = arg
    } else return usageError(io, `unknown option "${arg}"`)
  }
  if (file === undefined) return usageError(io, 'run needs a FILE (or - for standard input)')

  let script: string
  let baseDir = io.cwd
  try {
    if (file === '-') script = io.readStdin()
    else {
      const path = resolve(io.cwd, file)
      if (!existsSync(path) || statSync(path).isDirectory()) return usageError(io, `cannot read "${file}": no such file`)
      script = readFileSync(path, 'utf8')
      baseDir = dirname(path)
    }
  } catch (err) {
    return usageError(io, `cannot read "${file}": ${(err as Error).message}`)
  }

  const session = new ShellSession({
    seed,
    readFile: (path) => {
      const full = resolve(baseDir, path)
      try {
        return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined
      } catch {
        return undefined
      }
    },
  })
  let endedWithNewline = true
  try {
    for (const record of session.iterate(script)) {
      if (json) io.stdout(formatJsonRecord(record) + '\n')
      else {
        const text = formatTranscriptRecord(record, endedWithNewline)
        io.stdout(text)
        endedWithNewline = text.endsWith('\n')
      }
    }
  } catch (err) {
    // A script that cannot be parsed is reported like bash would, and the run still ends normally.
    io.stderr(`kubehop: ${(err as Error).message}\n`)
    return 2
  }
  return 0
}
