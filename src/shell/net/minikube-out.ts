// How minikube reports a fatal error (v1.35.0 pkg/minikube/exit/exit.go, out/out_reason.go displayText): a blank
// line, `❌  Exiting due to ID: message` and a blank line on stderr; an unexpected error (exit.Error) adds the
// box asking for an issue (out.go displayGitHubIssueMessage, box-cli-maker: round corners, Px 4, Py 1).
import type { CommandIO } from '../command.ts'
import { sha256 } from '../../engine/util/sha256.ts'

/** exit.Message: the reason's line, then minikube exits with the reason's code. */
export function exitMessage(io: CommandIO, id: string, message: string, code: number): number {
  io.err(`\n❌  Exiting due to ${id}: ${message}\n\n`)
  return code
}

/** exit.Error: as exitMessage, with the GitHub issue box naming the command's log file. */
export function exitError(io: CommandIO, id: string, message: string, code: number): number {
  io.err(`\n❌  Exiting due to ${id}: ${message}\n\n${issueBox(io.argv.slice(1))}\n`)
  return code
}

/** /tmp/minikube_<subcommand>_<hash of user and args>_0.log (cmd/minikube/main.go logFileName; sha1 there). */
function logFile(args: string[]): string {
  const hex = Array.from(sha256(['user', ...args].join(''))).slice(0, 20).map((b) => b.toString(16).padStart(2, '0')).join('')
  return `/tmp/minikube_${args[0] ?? ''}_${hex}_0.log`
}

function issueBox(args: string[]): string {
  const lines = ['', '😿  If the above advice does not help, please let us know:', '👉  https://github.com/kubernetes/minikube/issues/new/choose', '',
    'Please run `minikube logs --file=logs.txt` and attach logs.txt to the GitHub issue.', 'Please also attach the following file to the GitHub issue:', `- ${logFile(args)}`, '']
  // Each emoji here is two UTF-16 units and two terminal columns, so .length is the width the box measures.
  const width = Math.max(...lines.map((l) => l.length))
  const row = (l: string) => `│    ${l}${' '.repeat(width - l.length)}    │`
  const rule = '─'.repeat(width + 8)
  return [`╭${rule}╮`, ...lines.map(row), `╰${rule}╯`].join('\n') + '\n'
}
