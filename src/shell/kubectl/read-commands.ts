// kubectl's reading verbs: get, describe, ... (filled in by the printers work).
import type { KubectlSubcommand } from './context.ts'

export const READ_COMMANDS: Record<string, KubectlSubcommand> = {}
