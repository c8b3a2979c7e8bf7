// klog's line header, as kubectl's client-side errors carry it on stderr (k8s.io/klog/v2 formatHeader).

/** `Lmmdd hh:mm:ss.uuuuuu threadid file:line] ` (UTC, the machine's zone here). */
export function klogHeader(level: 'E' | 'I' | 'W', epochSeconds: number, pid: number, site: string): string {
  const d = new Date(Math.floor(epochSeconds * 1000))
  const two = (n: number) => String(n).padStart(2, '0')
  const micros = String(Math.round((epochSeconds % 1) * 1e6) % 1e6).padStart(6, '0')
  return `${level}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros} ${String(pid).padStart(7)} ${site}] `
}
