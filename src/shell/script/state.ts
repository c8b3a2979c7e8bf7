// Helpers over ShellState: defaults, exported environment, and subshell snapshots.
import type { ShellState } from './types.ts'

export const HOME = '/root'

/** A fresh root shell on the host, as a learner's terminal starts. */
export function createShellState(): ShellState {
  return {
    // Variable and alias names are user text (`__proto__=1` is a valid assignment): maps without a prototype.
    vars: dict({
      HOME, PWD: HOME, USER: 'root', SHELL: '/bin/bash',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    }),
    aliases: dict({}),
    lastExit: 0,
    exported: ['HOME', 'PWD', 'USER', 'SHELL', 'PATH'],
    files: {},
  }
}

/** A map keyed by user text: no prototype, so every name reads and writes as an own key. */
function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries)
}

export function setExported(state: ShellState, name: string, on: boolean): void {
  const list = state.exported ?? (state.exported = [])
  const at = list.indexOf(name)
  if (on && at < 0) list.push(name)
  if (!on && at >= 0) list.splice(at, 1)
}

/** The environment a child process sees: exported variables (HOME always present). */
export function exportedEnv(state: ShellState): Record<string, string> {
  const env: Record<string, string> = { HOME: state.vars.HOME ?? HOME }
  for (const name of state.exported ?? []) {
    const v = Object.prototype.hasOwnProperty.call(state.vars, name) ? state.vars[name] : undefined
    if (v !== undefined) Object.defineProperty(env, name, { value: v, enumerable: true, writable: true, configurable: true })
  }
  return env
}

export interface StateSnapshot { vars: Record<string, string>; aliases: Record<string, string>; exported: string[] | undefined }

/** Subshells ($(...), pipeline stages, ( ... )) must not leak variable changes to the parent. */
export function snapshotState(state: ShellState): StateSnapshot {
  return { vars: { ...state.vars }, aliases: { ...state.aliases }, exported: state.exported?.slice() }
}

export function restoreState(state: ShellState, snap: StateSnapshot): void {
  replace(state.vars, snap.vars)
  replace(state.aliases, snap.aliases)
  if (snap.exported && state.exported) state.exported.splice(0, state.exported.length, ...snap.exported)
}

function replace(target: Record<string, string>, source: Record<string, string>): void {
  for (const k of Object.keys(target)) delete target[k]
  Object.assign(target, source)
}

/** Default file map paths are absolute; relative ones live in the shell's cwd, /root. */
export function absolutePath(path: string): string {
  const abs = path.startsWith('/') ? path : `${HOME}/${path}`
  return abs.replace(/\/\.\//g, '/').replace(/\/{2,}/g, '/')
}
