// Runs a script through the CLI's entry point in-process, as `kubehop run` would: the tests' way in.
import { main } from './main.ts'

export function runScript(path: string, seed = 1, json = false): { code: number; stdout: string; stderr: string } {
  let stdout = ''
  let stderr = ''
  const args = ['run', '--seed', String(seed), ...(json ? ['--json'] : []), path]
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => '', cwd: process.cwd() })
  return { code, stdout, stderr }
}
