// The shell a tool opened inside a pod or node, as the script interpreter sees it: its own variables (the
// container's environment), its runner (commands run in the container), its files, its prompt and its end.
import type { ShellSpec } from '../command.ts'
import type { NestedShell, RunOptions, ShellState, StatementRecord } from '../script/types.ts'

export function nestedShell(spec: ShellSpec, base: RunOptions, closed: () => void): NestedShell {
  const vars = Object.assign(Object.create(null) as Record<string, string>, { PWD: '/', ...spec.env })
  let first: number | undefined
  const state: ShellState = { vars, aliases: Object.create(null) as Record<string, string>, lastExit: 0, exported: Object.keys(vars), files: {} }
  return {
    state,
    runner: (req) => spec.run(req.argv, req.stdin, req.env),
    opts: {
      ...base,
      readFile: spec.files ? (path) => spec.files!.read(absolute(path, vars.PWD)) : () => undefined,
      writeFile: spec.files ? (path, content, append) => spec.files!.write(absolute(path, vars.PWD), content, append) : undefined,
    },
    prompt: () => spec.prompt(vars.PWD ?? '/'),
    startsAt(line: number) {
      first ??= line
      spec.atLine?.(line - first + 1)
    },
    close(record: StatementRecord): number {
      closed()
      const push = (stream: 'stdout' | 'stderr') => (text: string) => { if (text) record.chunks.push({ stream, text }) }
      return spec.onExit(record.exitCode, { out: push('stdout'), err: push('stderr') })
    },
  }
}

function absolute(path: string, pwd: string | undefined): string {
  return path.startsWith('/') ? path : `${(pwd ?? '/').replace(/\/$/, '')}/${path}`
}
