// The CLI's entry point run as bin/kubehop runs it (`kubehop run steps.sh` in the working directory), reporting
// this process's own CPU time and peak memory on stderr's last line for bench/cli-scale.ts.
import { loadMain } from '../bin/cli-bundle.mjs'

const main = await loadMain()
let out = ''
const code = main(['run', 'steps.sh'], { stdout: (t) => { out += t }, stderr: (t) => process.stderr.write(t), readStdin: () => '', cwd: process.cwd() })
process.stdout.write(out)
const u = process.resourceUsage()
process.stderr.write('\nUSAGE ' + JSON.stringify({ code, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMB: u.maxRSS / 1024 }) + '\n')
