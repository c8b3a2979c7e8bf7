// The properties over names and nesting (src/fuzz/names.ts), shared by the tests and bench/fuzz-long.ts: each
// returns the violations it found, so fast-check can shrink to the smallest case.
import { FuzzSession } from './harness.ts'
import { checkPrototypes } from './invariants.ts'

/** The whole property, shared with bench/fuzz-long.ts: apply the manifest, run the commands, collect violations. */
export function namedSession([manifest, commands]: [string, string[]]): string[] {
  const fuzz = new FuzzSession(1)
  const violations: string[] = []
  const steps = [`kubectl apply -f ${fuzz.file(manifest)}`, 'kubectl create deployment web --image=nginx', ...commands]
  for (const line of steps) {
    const step = fuzz.step(line)
    violations.push(...step.violations.map((v) => `${line}: ${v}`), ...checkPrototypes())
    if (violations.length) break
  }
  return violations
}

/** A nested line runs or fails with bash's wording, and the output never carries JavaScript text. */
export function nestedRun(line: string): string[] {
  const fuzz = new FuzzSession(1)
  const step = fuzz.step(line)
  const text = step.records.map((r) => r.chunks.map((c) => c.text).join('')).join('')
  const out = [...step.violations]
  if (!/deep|^1$|bash: (line \d+: )?.*syntax error|kubehop: the statement is (nested too deeply to read|too large to simulate)/m.test(text)) out.push(`neither ran nor failed in bash's words: ${JSON.stringify(text.slice(0, 300))}`)
  return out
}
