// Flags of the verbs that read manifests (apply, create -f, delete -f).
import type { FlagSpec, ParsedFlags } from '../flags.ts'
import { FlagError, GLOBAL_FLAGS, str } from '../flags.ts'
import { DRY_RUN_FLAG, OUTPUT_FLAG } from './options.ts'

export const MANIFEST_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS, DRY_RUN_FLAG, OUTPUT_FLAG,
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'overwrite', type: 'bool' },
  { name: 'prune', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'timeout', type: 'string' },
  { name: 'wait', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
]

/** cmdutil.GetValidationDirective: strict/true and warn validate, ignore/false do not. */
export function validateOf(flags: ParsedFlags): boolean {
  const v = str(flags, 'validate') ?? 'strict'
  if (['strict', 'true', 'warn'].includes(v.toLowerCase())) return true
  if (['ignore', 'false'].includes(v.toLowerCase())) return false
  throw new FlagError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`)
}
