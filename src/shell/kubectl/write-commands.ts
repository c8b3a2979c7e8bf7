// kubectl's writing verbs: apply, create, delete, scale, ... (filled in by the manifests work).
import type { KubectlSubcommand } from './context.ts'

export const WRITE_COMMANDS: Record<string, KubectlSubcommand> = {}
