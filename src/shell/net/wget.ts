// wget: BusyBox's in pods (networking/wget.c messages), GNU Wget 1.21 on the host.
import type { Command } from '../command.ts'
import { finishTool, netContext } from './context.ts'
import { httpGet } from './http-get.ts'
import { REASONS, byteLength } from '../../engine/apps/http.ts'

export const wget: Command = (io, host) => {
  const args = io.argv.slice(1)
  let quiet = false
  let output: string | undefined
  let timeout: number | undefined
  const urls: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-O') output = args[++i]
    else if (a.startsWith('-O') && a.length > 2) output = a.slice(2)
    else if (a === '-T') timeout = Number(args[++i])
    else if (a.startsWith('--timeout=')) timeout = Number(a.slice(10))
    else if (/^-[qO-]+$/.test(a)) { if (a.includes('q')) quiet = true; if (a.endsWith('O')) output = args[++i]; else if (a.includes('O')) output = a.slice(a.indexOf('O') + 1) }
    else if (a === '--quiet') quiet = true
    else if (a.startsWith('-')) continue
    else urls.push(a)
  }
  const ctx = netContext(io, host)
  if ('error' in ctx) { io.err(ctx.error + '\n'); return 1 }
  const busybox = io.location.kind === 'pod'
  if (!urls.length) { io.err(busybox ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n' : "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n"); return 1 }
  let exit = 0
  let waited = 0
  for (const url of urls) {
    const r = httpGet(ctx, host, url, busybox ? 'Wget' : 'Wget/1.21.4', (t) => io.trace(t))
    if (r.kind === 'bad-url') { io.err(busybox ? `wget: bad address '${url}'\n` : `${url}: Invalid URL\n`); exit = 1; continue }
    if (r.kind === 'unresolved') {
      io.err(busybox ? `wget: bad address '${r.host}'\n` : quiet ? '' : `wget: unable to resolve host address '${r.host}'\n`)
      exit = busybox ? 1 : 4
      continue
    }
    if (!quiet) io.err(busybox ? `Connecting to ${r.host}${r.host === r.ip ? '' : ''} (${r.ip}:${r.port})\n` : `Connecting to ${r.host} (${r.host})|${r.ip}|:${r.port}... `)
    if (r.kind === 'refused') { io.err(busybox ? `wget: can't connect to remote host (${r.ip}): Connection refused\n` : quiet ? '' : 'failed: Connection refused.\n'); exit = busybox ? 1 : 4; continue }
    if (r.kind === 'timeout') {
      waited += timeout ?? 127
      io.err(busybox ? (timeout !== undefined ? 'wget: download timed out\n' : `wget: can't connect to remote host (${r.ip}): Connection timed out\n`) : quiet ? '' : 'failed: Connection timed out.\n')
      exit = busybox ? 1 : 4
      continue
    }
    if (r.kind === 'empty') { io.err(busybox ? 'wget: error getting response: Connection reset by peer\n' : ''); exit = busybox ? 1 : 4; continue }
    if (r.kind !== 'response') continue
    const res = r.response
    if (res.status >= 400) {
      io.err(busybox ? `wget: server returned error: HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}\n` : quiet ? '' : `connected.\nHTTP request sent, awaiting response... ${res.status} ${REASONS[res.status] ?? ''}\nERROR ${res.status}: ${REASONS[res.status] ?? ''}.\n\n`)
      exit = busybox ? 1 : 8
      continue
    }
    const toStdout = output === '-'
    if (!quiet && busybox) io.err(toStdout ? 'writing to stdout\n' : `saving to '${output ?? 'index.html'}'\n`)
    if (toStdout) io.out(res.body)
    else if (io.location.kind === 'host') host.hostFiles.set(output ?? 'index.html', res.body)
    if (!quiet && busybox) {
      const n = byteLength(res.body)
      io.err(`${(toStdout ? '-' : output ?? 'index.html').padEnd(20)} 100% |********************************| ${String(n).padStart(5)}  0:00:00 ETA\n`)
      io.err(toStdout ? 'written to stdout\n' : `'${output ?? 'index.html'}' saved\n`)
    }
  }
  finishTool(ctx, waited)
  return exit
}
