// kubectl's writing verbs: apply, create, delete, scale, ... (src/shell/kubectl/write/).
import type { KubectlSubcommand } from './context.ts'
import { apply } from './write/apply.ts'
import { create } from './write/create.ts'
import { del } from './write/delete.ts'
import { scale } from './write/scale.ts'
import { expose } from './write/expose.ts'
import { run } from './write/run.ts'
import { annotate, label } from './write/label.ts'
import { patch } from './write/patch.ts'
import { exec } from './write/exec.ts'
import { portForward } from './write/port-forward.ts'
import { rollout } from './write/rollout.ts'
import { set } from './write/set-image.ts'
import { cordon, drain, uncordon } from './write/node-maintenance.ts'
import { wait } from './write/wait.ts'

export const WRITE_COMMANDS: Record<string, KubectlSubcommand> = {
  apply, create, delete: del, scale, expose, run, label, annotate, patch, exec,
  'port-forward': portForward, rollout, set, cordon, uncordon, drain, wait,
}

