// What PID 1 of a container does over time, decided by the image (ENTRYPOINT/CMD) and the pod's command/args as
// the kubelet merges them (pkg/kubelet/kuberuntime/kuberuntime_container.go: command replaces ENTRYPOINT, args CMD).
// A small interpreter for the commands people give pods: sleep, echo, exit, true/false, tail -f, and `sh -c` scripts
// made of those (;, &&, ||, newlines, `while true; do …; done`, `for x in …; do …; done`).
import type { ImageFamily } from './types.ts'
import { imageBinaries, imageFamily } from './index.ts'

/** stdin: the container's stdin is kept open (`kubectl run -i`, a manifest's `stdin: true`): a shell without -c
 *  waits on it instead of reading end-of-file. */
export interface ProcessSpec { image?: string; command?: string[]; args?: string[]; stdin?: boolean }

/** What the container's process will do, from its start. */
export interface ProcessPlan {
  /** The image's own server runs: it binds the catalog's ports and writes its start-up and request log lines. */
  server: boolean
  /** Lines written, at seconds after start. */
  output: { at: number; line: string }[]
  /** An endless loop writing `lines` every `period` seconds from `from` on. */
  repeat?: { from: number; period: number; lines: string[] }
  /** Seconds until the process exits; undefined while it runs until killed. */
  exitAfter?: number
  exitCode: number
  /** runc could not start it (the executable is not in the image): exit code 128, reason StartError. */
  startError?: string
  /** Whether it exits on SIGTERM (a shell or sleep as PID 1 has no handler: the kernel ignores the signal). */
  exitsOnSigterm: boolean
}

/** The argv runc executes: command (else ENTRYPOINT) followed by args (else CMD when command is unset). */
function containerArgv(c: ProcessSpec, family = imageFamily(c.image ?? '')): string[] {
  const entry = c.command ?? [...(family?.entrypoint ?? [])]
  const rest = c.args ?? (c.command ? [] : [...(family?.cmd ?? [])])
  return [...entry, ...rest]
}

const WRAPPERS = new Set(['docker-entrypoint.sh', 'entrypoint.sh', 'dumb-init', 'tini', 'run.sh'])
const base = (p: string) => p.slice(p.lastIndexOf('/') + 1)

/** The program the entrypoint scripts end up exec-ing (`/docker-entrypoint.sh nginx -g …` runs nginx). */
function effectiveArgv(argv: string[]): string[] {
  let i = 0
  while (i < argv.length - 1 && (WRAPPERS.has(base(argv[i])) || argv[i] === '--')) i++
  return argv.slice(i)
}

/** The argv PID 1 ends up running (entrypoint scripts skipped): agnhost reads its subcommand from it. */
export function serverArgv(c: ProcessSpec): string[] {
  return effectiveArgv(containerArgv(c))
}

/** Whether the container runs the image's server (and so binds its ports), not a command the pod put in its place. */
export function runsImageServer(c: ProcessSpec): boolean {
  const family = imageFamily(c.image ?? '')
  if (!family?.server) return false
  const argv = effectiveArgv(containerArgv(c, family))
  if (!argv.length) return false
  const name = base(argv[0])
  // `nginx` without `daemon off;` forks into the background and PID 1 exits.
  if (name === 'nginx' && family.app === 'nginx') return argv.some((a) => /daemon\s+off/.test(a))
  return family.server.includes(name)
}

/** Whether PID 1 exits on SIGTERM; for the graceful-deletion path (a `sleep` as PID 1 waits out the grace period). */
export function exitsOnSigterm(c: ProcessSpec): boolean {
  return planProcess(c).exitsOnSigterm
}

const FOREVER: ProcessPlan = { server: false, output: [], exitCode: 0, exitsOnSigterm: false }

export function planProcess(c: ProcessSpec): ProcessPlan {
  // A container that keeps the image's ENTRYPOINT and CMD (every replica of most Deployments) has the plan of its
  // image: worked out once per image, frozen because it is shared.
  if (c.command !== undefined || c.args !== undefined) return planUncached(c)
  const key = c.stdin === true ? `${c.image ?? ''}\u0000stdin` : c.image ?? ''
  let plan = plans.get(key)
  if (!plan) {
    plan = deepFreezePlan(planUncached({ image: c.image, stdin: c.stdin }))
    if (plans.size >= 2000) plans.clear()
    plans.set(key, plan)
  }
  return plan
}

const plans = new Map<string, ProcessPlan>()

function deepFreezePlan(plan: ProcessPlan): ProcessPlan {
  for (const o of plan.output) Object.freeze(o)
  Object.freeze(plan.output)
  if (plan.repeat) {
    Object.freeze(plan.repeat.lines)
    Object.freeze(plan.repeat)
  }
  return Object.freeze(plan)
}

function planUncached(c: ProcessSpec): ProcessPlan {
  const family = imageFamily(c.image ?? '')
  if (runsImageServer(c)) return { server: true, output: [], exitCode: 0, exitsOnSigterm: family!.exitsOnSigterm }
  const argv = effectiveArgv(containerArgv(c, family))
  // An image kubehop does not know runs its own process, of which nothing is known: it runs and binds nothing.
  if (!argv.length) return FOREVER
  const run = new Run(family, c.image ?? '', c.stdin === true)
  const found = run.exists(argv[0])
  if (!found) return { ...FOREVER, exitCode: 128, exitAfter: 0, startError: `exec: "${argv[0]}": executable file not found in $PATH` }
  run.command(argv)
  return run.plan()
}

type Status = number
/** Shell builtins and keywords: there whenever a shell runs the script. */
const SHELL_WORDS = new Set(['exit', 'while', 'until', 'for', 'do', 'done', 'trap', 'set', 'export', 'cd', ':', 'true', 'false', 'echo'])

/** One run of a command list on a simulated timeline. */
class Run {
  t = 0
  status: Status = 0
  exited = false
  forever = false
  readonly output: { at: number; line: string }[] = []
  repeat?: ProcessPlan['repeat']
  constructor(private readonly family: ImageFamily | undefined, private readonly image: string, private readonly stdinOpen = false) {}

  exists(cmd: string): boolean {
    if (!this.family) return true
    const name = base(cmd)
    return imageBinaries(this.image).includes(name) || SHELL_WORDS.has(name)
  }

  plan(): ProcessPlan {
    const ends = !this.forever && !this.repeat
    return { server: false, output: this.output, ...(this.repeat ? { repeat: this.repeat } : {}), ...(ends ? { exitAfter: this.t } : {}), exitCode: ends ? this.status : 0, exitsOnSigterm: false }
  }

  private write(line: string): void {
    if (this.output.length < 1000) this.output.push({ at: this.t, line })
  }

  command(argv: string[]): void {
    if (this.exited || this.forever) return
    const name = base(argv[0] ?? '')
    const args = argv.slice(1)
    if (name !== 'exit' && !this.exists(argv[0])) {
      this.write(this.family?.busybox ? `sh: ${argv[0]}: not found` : `sh: 1: ${argv[0]}: not found`)
      this.status = 127
      return
    }
    switch (name) {
      case 'sh': case 'bash': case 'ash': case 'zsh': case 'dash': {
        const c = args.indexOf('-c')
        // Without -c the shell reads its stdin: an open one (the pod's `stdin: true`, kubectl run -i) keeps it
        // waiting for input until it is attached to; otherwise it reads end-of-file at once and exits 0.
        if (c < 0 || args[c + 1] === undefined) {
          if (this.stdinOpen) this.forever = true
          else { this.status = 0; this.exited = true }
          return
        }
        this.script(args[c + 1])
        return
      }
      case 'sleep': {
        const s = args[0] ?? ''
        if (s === 'infinity' || s === 'inf') { this.forever = true; return }
        const secs = seconds(s)
        if (secs === undefined) { this.write(`sleep: invalid number '${s}'`); this.status = 1; return }
        this.t += secs
        this.status = 0
        return
      }
      case 'echo': {
        const n = args[0] === '-n'
        this.write((n ? args.slice(1) : args).join(' '))
        this.status = 0
        return
      }
      case 'exit': this.status = args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) & 255 : this.status; this.exited = true; return
      case 'true': case ':': this.status = 0; return
      case 'false': this.status = 1; return
      case 'tail': if (args.includes('-f')) this.forever = true; else this.status = 0; return
      case 'date': this.write('\u0000date'); this.status = 0; return
      case 'curl':
        if (!args.length) { this.write("curl: try 'curl --help' or 'curl --manual' for more information"); this.status = 2; this.exited = true; return }
        this.status = 0
        return
      case 'nginx': this.status = 0; return
      default: this.status = 0
    }
  }

  /** `sh -c SCRIPT`: lists of simple commands, `while true` and `for` loops. */
  script(text: string): void {
    const items = splitScript(text)
    this.list(items, 0, items.length, {})
    if (!this.forever && !this.repeat) this.exited = true
  }

  private list(items: Item[], from: number, to: number, vars: Record<string, string>): void {
    for (let i = from; i < to && !this.exited && !this.forever && !this.repeat; i++) {
      const it = items[i]
      if (it.words[0] === 'while' || it.words[0] === 'until' || it.words[0] === 'for') {
        const end = matchingDone(items, i)
        this.loop(items, i, end, vars)
        i = end
        continue
      }
      if (i > from && items[i - 1].sep === '&&' && this.status !== 0) continue
      if (i > from && items[i - 1].sep === '||' && this.status === 0) continue
      const words = it.words.map((w) => w.replace(/\$\{?(\w+)\}?/g, (_, v: string) => vars[v] ?? ''))
      if (words[0] === 'do') words.shift()
      if (!words.length || words[0] === 'done' || words[0] === 'trap' || words[0] === 'set' || words[0] === 'export') continue
      this.command(words)
    }
  }

  private loop(items: Item[], start: number, end: number, vars: Record<string, string>): void {
    const head = items[start].words
    const bodyFrom = start + 1
    if (head[0] === 'for') {
      const values = head.slice(3)
      for (const v of values) this.list(items, bodyFrom, end, { ...vars, [head[1]]: v })
      return
    }
    const cond = head.slice(1).join(' ')
    const endless = head[0] === 'while' ? ['true', ':', '[ 1 ]', '[ true ]'].includes(cond) : cond === 'false'
    if (!endless) return
    // One pass of the body decides the loop's rhythm; then it repeats until the container is killed.
    const startT = this.t
    const before = this.output.length
    this.list(items, bodyFrom, end, vars)
    if (this.exited || this.forever) return
    const lines = this.output.slice(before).map((o) => o.line)
    const period = this.t - startT
    this.repeat = period > 0 ? { from: startT, period, lines } : { from: startT, period: 0.001, lines: lines.slice(0, 1) }
    this.output.length = before
  }
}

interface Item { words: string[]; sep: string }

/** Index of the `done` closing the loop opened at `i` (or the list's end). */
function matchingDone(items: Item[], i: number): number {
  let depth = 0
  for (let j = i; j < items.length; j++) {
    const w = items[j].words
    if (['while', 'until', 'for'].includes(w[0])) depth++
    if (w[0] === 'done' || w[w.length - 1] === 'done') { depth--; if (depth === 0) return j }
  }
  return items.length
}

/** Splits a script into simple commands (quotes honoured) with the separator after each. */
function splitScript(text: string): Item[] {
  const items: Item[] = []
  let words: string[] = []
  let word = ''
  let inWord = false
  const endWord = () => { if (inWord) words.push(word); word = ''; inWord = false }
  const endItem = (sep: string) => { endWord(); if (words.length) items.push({ words, sep }); else if (items.length && sep !== ';') items[items.length - 1].sep = sep; words = [] }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === "'") { const j = text.indexOf("'", i + 1); word += text.slice(i + 1, j < 0 ? text.length : j); inWord = true; i = j < 0 ? text.length : j; continue }
    if (ch === '"') { let j = i + 1; while (j < text.length && text[j] !== '"') { if (text[j] === '\\' && j + 1 < text.length) j++; word += text[j]; j++ } inWord = true; i = j; continue }
    if (ch === '\\' && i + 1 < text.length) { word += text[++i]; inWord = true; continue }
    if (ch === '&' && text[i + 1] === '&') { endItem('&&'); i++; continue }
    if (ch === '|' && text[i + 1] === '|') { endItem('||'); i++; continue }
    if (ch === ';' || ch === '\n' || ch === '&') { endItem(';'); continue }
    if (ch === ' ' || ch === '\t') { endWord(); continue }
    if (ch === '#' && !inWord) { const j = text.indexOf('\n', i); i = j < 0 ? text.length : j - 1; continue }
    word += ch
    inWord = true
  }
  endItem(';')
  return items
}

/** `sleep` operands: `5`, `0.5`, `2m`, `1h`. */
function seconds(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(s)
  if (!m) return undefined
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]]
}
