// kubectl's writing verbs: apply, create, delete, scale, ... (src/shell/kubectl/write/).
import type { KubectlSubcommand } from './context.ts'
import { apply } from './write/apply.ts'

export const WRITE_COMMANDS: Record<string, KubectlSubcommand> = {
  apply,
}
