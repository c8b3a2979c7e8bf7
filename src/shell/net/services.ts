// getservbyport() in a container: /etc/services (Alpine's, from Debian's netbase) names a port unless -n is given.
// The official busybox image has no /etc/services, so its netstat prints numbers either way.
import { imageFamily, isBusyboxImage } from '../../engine/images/index.ts'
import { busybox } from '../../engine/images/busybox.ts'

/** The entries for the ports the catalog's servers bind (tcp and udp are separate lines in the file). */
const SERVICES: Record<'tcp' | 'udp', Record<number, string>> = {
  tcp: { 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt' },
  udp: { 53: 'domain' },
}

/** Whether the image has /etc/services: the Alpine-based images do; the busybox image and unknown ones are not assumed to. */
export function hasEtcServices(image: string | undefined): boolean {
  return !!image && isBusyboxImage(image) && imageFamily(image) !== busybox
}

/** The port's service name, or its number. */
export function serviceName(port: number, proto: 'tcp' | 'udp', resolve: boolean): string {
  return (resolve && SERVICES[proto][port]) || String(port)
}
