// Lets the topology and inspector run commands in the console (failure injection shows as typed commands).
// Lines sent before the terminal is up wait for it.
type Runner = (line: string) => Promise<number>

let runner: Runner | null = null
const waiting: { line: string; done: (code: number) => void }[] = []

export function attachConsole(run: Runner): () => void {
  runner = run
  for (const w of waiting.splice(0)) void run(w.line).then(w.done)
  return () => { if (runner === run) runner = null }
}

/** Runs `line` in the console as if typed there; resolves with its exit code. */
export function runInConsole(line: string): Promise<number> {
  if (runner) return runner(line)
  return new Promise((done) => waiting.push({ line, done }))
}
