// What a link's `request` may be: one literal request command (curl, wget, ping, nslookup, dig) and nothing else.
// A link is a stranger's text: it is read with the shell's own parser, and anything that would run more than that
// one command (`;`, `&&`, pipes, `$(…)`, `$VAR`, redirections, assignments) or a command that is not a request
// (`kubectl delete …`) is refused before anything runs. Pure: the link codec and the page both use it.
import { parseScript } from '../shell/script/parser.ts'
import type { Word } from '../shell/script/ast.ts'

const REQUEST_COMMANDS = ['curl', 'wget', 'ping', 'nslookup', 'dig'] as const

/** Options that read or write files in the console's file system: a request from a link only looks. */
const FILE_OPTIONS: Record<string, RegExp> = {
  curl: /^(-[a-zA-Z]*[oOKTDc]|--(output|remote-name|remote-name-all|config|upload-file|dump-header|cookie-jar|trace|trace-ascii|output-dir)(=|$)|@)/,
  wget: /^(-[a-zA-Z]*[oOiPa]|--(output-document|output-file|input-file|directory-prefix|append-output|post-file|body-file)(=|$))/,
  ping: /^\b$/,
  nslookup: /^\b$/,
  dig: /^-[a-zA-Z]*f/,
}
/** Writing to standard output (`-O-`, `-O -`, `--output-document=-`, curl's `-o -`) is what a request does anyway. */
const TO_STDOUT = /^(-[a-zA-Z]*[oO]-|--output(-document)?=-)$/

export type RequestVerdict = { ok: true; command: string } | { ok: false; reason: string }

const literal = (word: Word): string | null => (word.parts.every((p) => p.kind === 'lit') ? word.parts.map((p) => (p.kind === 'lit' ? p.text : '')).join('') : null)

/** Whether `line` is a request a link may replay, and if not, why (a sentence for the page). */
export function checkRequest(line: string): RequestVerdict {
  const refuse = (why: string): RequestVerdict => ({ ok: false, reason: `the link's request “${line.length > 80 ? `${line.slice(0, 77)}…` : line}” was not run: ${why}` })
  if (/[\r\n]/.test(line)) return refuse('it must be one line')
  let script
  try { script = parseScript(line) } catch { return refuse('it is not a valid command line') }
  if (script.statements.length !== 1) return refuse(script.statements.length ? 'it holds more than one command' : 'it is empty')
  const { items } = script.statements[0].list
  if (items.length !== 1 || items[0].rest.length) return refuse('it holds more than one command (;, && or ||)')
  const { commands, negate } = items[0].first
  if (commands.length !== 1) return refuse('it pipes into another command')
  const command = commands[0]
  if (negate || command.kind !== 'simple') return refuse('it is not a plain command')
  if (command.assigns.length) return refuse('it sets variables')
  if (command.redirects.length) return refuse('it redirects input or output')
  const words = command.words.map(literal)
  if (words.some((w) => w === null)) return refuse('it expands variables or runs commands ($…, `…`)')
  const [name, ...args] = words as string[]
  if (!(REQUEST_COMMANDS as readonly string[]).includes(name)) return refuse(`only ${REQUEST_COMMANDS.join(', ')} may be replayed from a link`)
  const files = FILE_OPTIONS[name]
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (TO_STDOUT.test(a)) continue
    if (/^-[a-zA-Z]*[oO]$|^--output(-document)?$/.test(a) && args[i + 1] === '-') { i++; continue }
    if (files.test(a)) return refuse(`${name} ${a} reads or writes files`)
  }
  if (!args.some((a) => !a.startsWith('-'))) return refuse(`${name} has no address to reach`)
  return { ok: true, command: name }
}
