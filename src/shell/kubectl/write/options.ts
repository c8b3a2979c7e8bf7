// Flags shared by the writing verbs: --dry-run, -o, namespaces.
import type { FlagSpec, ParsedFlags } from '../flags.ts'
import { FlagError, str } from '../flags.ts'
import type { DryRun } from './names.ts'

export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' }
export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string' }

/** cmdutil.GetDryRunStrategy; a bare `--dry-run` still means client (deprecated). */
export function dryRunOf(flags: ParsedFlags): DryRun {
  const v = str(flags, 'dry-run')
  if (v === undefined || v === 'none') return 'none'
  if (v === 'client' || v === 'unchanged') return 'client'
  if (v === 'server') return 'server'
  throw new FlagError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`)
}

/** The namespace a command works in: `-n`, else the context's (always `default` here). */
export function namespaceOf(flags: ParsedFlags): { namespace: string; explicit: boolean } {
  const ns = str(flags, 'namespace')
  return { namespace: ns ?? 'default', explicit: ns !== undefined }
}

/** Output formats the writing verbs accept (`-o yaml|json|name`); undefined prints the usual `x created` line. */
export function outputOf(flags: ParsedFlags): 'yaml' | 'json' | 'name' | undefined {
  const o = str(flags, 'output')
  if (o === undefined || o === '') return undefined
  if (o === 'yaml' || o === 'json' || o === 'name') return o
  throw new FlagError(`unable to match a printer suitable for the output format "${o}", allowed formats are: json,name,yaml`)
}
