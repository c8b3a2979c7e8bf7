// `ps` inside a container: PID 1 is the program the image's entrypoint ends up running (from the image catalog),
// plus the `ps` itself. procps-ng's columns for Debian-based images, BusyBox's applet for busybox/alpine ones.
// Memory and CPU figures are the container's nominal ones (kubehop does not simulate them).
import { serverArgv, type ProcessSpec } from '../images/process.ts'

interface PsInput { container: ProcessSpec; busybox: boolean; startedAt: number; now: number; args: string[] }

const hhmm = (seconds: number) => new Date(seconds * 1000).toISOString().slice(11, 16)
/** A process's short name as the kernel keeps it (comm: the basename, at most 15 characters). */
const comm = (argv: string[]) => (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1).slice(0, 15)

/** PID 1 and the `ps` that was exec'd beside it (its PID: the next free one after PID 1's own children). */
export function psOutput(p: PsInput): { out: string; err: string; code: number } {
  const main = serverArgv(p.container)
  const self = ['ps', ...p.args]
  const rows = [{ pid: 1, argv: main, start: p.startedAt, stat: 'Ss' }, { pid: 7, argv: self, start: p.now, stat: 'Rs' }]
  if (p.busybox) {
    const lines = ['PID   USER     TIME  COMMAND', ...rows.map((r) => `${String(r.pid).padStart(5)} root      0:00 ${r.argv.join(' ')}`)]
    return { out: lines.join('\n') + '\n', err: '', code: 0 }
  }
  const bsd = p.args.filter((a) => !a.startsWith('-')).join('')
  const dash = p.args.filter((a) => a.startsWith('-')).join('').replace(/-/g, '')
  if (bsd.includes('u')) {
    const head = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND'
    const line = (r: typeof rows[number], vsz: number, rss: number) =>
      `root     ${String(r.pid).padStart(7)}  0.0  ${(rss / 80000).toFixed(1)} ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ?        ${r.stat.padEnd(4)} ${hhmm(r.start)}   0:00 ${r.argv.join(' ')}`
    return { out: [head, line(rows[0], 614436, 35260), line(rows[1], 8484, 2588)].join('\n') + '\n', err: '', code: 0 }
  }
  if (dash.includes('f')) {
    const head = 'UID          PID    PPID  C STIME TTY          TIME CMD'
    return { out: [head, ...rows.map((r) => `root     ${String(r.pid).padStart(7)} ${String(0).padStart(7)}  0 ${hhmm(r.start)} ?        00:00:00 ${r.argv.join(' ')}`)].join('\n') + '\n', err: '', code: 0 }
  }
  const head = '    PID TTY          TIME CMD'
  return { out: [head, ...rows.map((r) => `${String(r.pid).padStart(7)} ?        00:00:00 ${comm(r.argv)}`)].join('\n') + '\n', err: '', code: 0 }
}
