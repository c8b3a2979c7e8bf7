// What the scenario and share code need from the running app: the engine, and a way to type a line into the
// console (or, in embed mode where there is no console, to run it directly). Installed once by useShareRuntime.
import { runInConsole } from '../console/consoleBus.ts'
import type { EngineClient } from '../engineClient.ts'

let engine: EngineClient | null = null
let direct = false

export function installRuntime(client: EngineClient, withoutConsole: boolean): void {
  engine = client
  direct = withoutConsole
}

export function runtimeEngine(): EngineClient {
  if (!engine) throw new Error('kubehop runtime not installed')
  return engine
}

/** Types `line` into the console (so it shows there) and resolves with its exit code. */
export function typeLine(line: string): Promise<number> {
  if (direct) return runtimeEngine().run(line, () => {}, { bounded: true }).then((r) => r.exitCode)
  return runInConsole(line)
}

let chain: Promise<unknown> = Promise.resolve()

/** Runs scenario/replay work one piece at a time (a Run clicked twice waits for the first). */
export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work)
  chain = next.catch(() => undefined)
  return next
}
