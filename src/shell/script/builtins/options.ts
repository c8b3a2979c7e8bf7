// GNU-style option parsing for the coreutils builtins: clustered flags, valued options, long names, `--`.
import type { BuiltinContext } from './types.ts'

export interface OptionSpec {
  /** Letters that take no value. */
  flags: string
  /** Letters that take a value (`-n 5`, `-n5`). */
  valued?: string
  /** Long name to letter, e.g. { lines: 'n', count: 'c' }. */
  long?: Record<string, string>
  /** `-5` means `-n 5` (head, tail). */
  digitsAs?: string
}

export interface Options {
  flags: Set<string>
  values: Map<string, string[]>
  operands: string[]
}

class OptionError extends Error {}

export function parseOptions(args: string[], spec: OptionSpec): Options {
  const o: Options = { flags: new Set(), values: new Map(), operands: [] }
  const valued = spec.valued ?? ''
  const set = (letter: string, value?: string) => {
    if (value === undefined) o.flags.add(letter)
    else o.values.set(letter, [...(o.values.get(letter) ?? []), value])
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      o.operands.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2)
      const letter = spec.long?.[name]
      if (!letter) throw new OptionError(`unrecognized option '${a}'`)
      if (valued.includes(letter)) {
        const v = inline ?? args[++i]
        if (v === undefined) throw new OptionError(`option '--${name}' requires an argument`)
        set(letter, v)
      } else set(letter)
      continue
    }
    if (!a.startsWith('-') || a === '-') {
      o.operands.push(a)
      continue
    }
    if (spec.digitsAs && /^-\d+$/.test(a)) {
      set(spec.digitsAs, a.slice(1))
      continue
    }
    for (let k = 1; k < a.length; k++) {
      const letter = a[k]
      if (valued.includes(letter)) {
        const v = k + 1 < a.length ? a.slice(k + 1) : args[++i]
        if (v === undefined) throw new OptionError(`option requires an argument -- '${letter}'`)
        set(letter, v)
        break
      }
      if (!spec.flags.includes(letter)) throw new OptionError(`invalid option -- '${letter}'`)
      set(letter)
    }
  }
  return o
}

export function last(o: Options, letter: string): string | undefined {
  const v = o.values.get(letter)
  return v?.[v.length - 1]
}

/** Prints a GNU-style usage error and returns the tool's usage exit status. */
export function usageError(ctx: BuiltinContext, tool: string, message: string, status = 1, usage?: string): number {
  ctx.err(`${tool}: ${message}\n${usage ? usage + '\n' : ''}Try '${tool} --help' for more information.\n`)
  return status
}

/** Runs a tool body, turning option errors into GNU's usage message. */
export function withOptions(ctx: BuiltinContext, tool: string, status: number, body: () => number, usage?: string): number {
  try {
    return body()
  } catch (e) {
    if (e instanceof OptionError) return usageError(ctx, tool, e.message, status, usage)
    throw e
  }
}

/** The inputs of a filter: named files (via the shell's file view) or standard input. */
export function readInputs(ctx: BuiltinContext, tool: string, operands: string[]): { inputs: { name: string; text: string }[]; failed: boolean } {
  if (operands.length === 0) return { inputs: [{ name: '-', text: ctx.stdin?.readAll() ?? '' }], failed: false }
  const inputs: { name: string; text: string }[] = []
  let failed = false
  for (const name of operands) {
    const text = name === '-' ? (ctx.stdin?.readAll() ?? '') : ctx.readFile(name)
    if (text === undefined) {
      ctx.err(`${tool}: ${name}: No such file or directory\n`)
      failed = true
    } else inputs.push({ name, text })
  }
  return { inputs, failed }
}
