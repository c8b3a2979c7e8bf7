// pflag-style parsing, as kubectl's cobra commands do: `-n ns`, `-nns`, `--namespace=ns`, `--namespace ns`,
// boolean flags, repeated flags, `--` ending flags, and positional arguments anywhere.

export interface FlagSpec {
  /** Long name without dashes, e.g. `namespace`. */
  name: string
  short?: string
  type: 'string' | 'bool' | 'int' | 'stringArray'
  /** For string flags that may be given without a value (`--dry-run` means `--dry-run=unchanged`). */
  noOptDefault?: string
}

export interface ParsedFlags {
  values: Map<string, string | boolean | number | string[]>
  positional: string[]
  /** Everything after `--` (kubectl exec/run commands). */
  rest: string[] | undefined
}

export class FlagError extends Error {}

export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedFlags {
  const byLong = new Map(specs.map((s) => [s.name, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]))
  const values = new Map<string, string | boolean | number | string[]>()
  const positional: string[] = []
  let rest: string[] | undefined

  const set = (spec: FlagSpec, raw: string | undefined, shownAs: string) => {
    if (spec.type === 'bool') {
      if (raw === undefined || raw === 'true') values.set(spec.name, true)
      else if (raw === 'false') values.set(spec.name, false)
      else throw new FlagError(`invalid argument "${raw}" for "${shownAs}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`)
      return
    }
    if (raw === undefined) throw new FlagError(`flag needs an argument: ${shownAs}`)
    if (spec.type === 'int') {
      if (!/^-?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${shownAs}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`)
      values.set(spec.name, Number(raw))
    } else if (spec.type === 'stringArray') {
      values.set(spec.name, [...((values.get(spec.name) as string[]) ?? []), raw])
    } else {
      values.set(spec.name, raw)
    }
  }

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      rest = argv.slice(i + 1)
      break
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = arg.slice(2, eq < 0 ? undefined : eq)
      const spec = byLong.get(name)
      if (!spec) throw new FlagError(`unknown flag: --${name}`)
      let raw = eq < 0 ? undefined : arg.slice(eq + 1)
      if (raw === undefined && spec.type !== 'bool') {
        if (spec.noOptDefault !== undefined) raw = spec.noOptDefault
        else if (i + 1 < argv.length) raw = argv[++i]
      }
      set(spec, raw, `--${name}`)
    } else if (arg.startsWith('-') && arg.length > 1) {
      // Shorthand cluster: `-it`, `-owide`, `-o=wide`.
      for (let j = 1; j < arg.length; j++) {
        const ch = arg[j]
        const spec = byShort.get(ch)
        if (!spec) throw new FlagError(`unknown shorthand flag: '${ch}' in ${arg}`)
        if (spec.type === 'bool') {
          set(spec, undefined, `-${ch}, --${spec.name}`)
          continue
        }
        let raw = arg.slice(j + 1)
        if (raw.startsWith('=')) raw = raw.slice(1)
        if (!raw) raw = i + 1 < argv.length ? argv[++i] : (undefined as unknown as string)
        set(spec, raw, `-${ch}, --${spec.name}`)
        break
      }
    } else {
      positional.push(arg)
    }
  }
  return { values, positional, rest }
}

export function str(flags: ParsedFlags, name: string): string | undefined {
  const v = flags.values.get(name)
  return typeof v === 'string' ? v : undefined
}

export function bool(flags: ParsedFlags, name: string): boolean {
  return flags.values.get(name) === true
}

export function int(flags: ParsedFlags, name: string): number | undefined {
  const v = flags.values.get(name)
  return typeof v === 'number' ? v : undefined
}

export function strs(flags: ParsedFlags, name: string): string[] {
  const v = flags.values.get(name)
  return Array.isArray(v) ? v : []
}

/** Flags every kubectl command accepts (kubectl options). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'request-timeout', type: 'string' },
  // `-s` is --server: `kubectl exec POD curl -s URL` hands the URL to kubectl, not curl (kubectl options).
  { name: 'server', short: 's', type: 'string' },
  { name: 'user', type: 'string' }, { name: 'cluster', type: 'string' }, { name: 'token', type: 'string' },
  { name: 'as', type: 'string' }, { name: 'as-group', type: 'stringArray' }, { name: 'as-uid', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' }, { name: 'certificate-authority', type: 'string' },
  { name: 'client-certificate', type: 'string' }, { name: 'client-key', type: 'string' }, { name: 'tls-server-name', type: 'string' },
  { name: 'cache-dir', type: 'string' }, { name: 'match-server-version', type: 'bool' }, { name: 'warnings-as-errors', type: 'bool' },
  { name: 'disable-compression', type: 'bool' }, { name: 'username', type: 'string' }, { name: 'password', type: 'string' },
]
