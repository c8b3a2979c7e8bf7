// Which programs an image has, for a shell opened in it: the one place to point at the image catalog once it lands.
import { toolInImage } from '../net/context.ts'

/** The image's name without registry, tag or digest (`docker.io/library/busybox:1.36` → `busybox`). */
function baseName(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]*$/, '').split('/').pop()!.toLowerCase()
}

/** Alpine-based images whose `sh` is BusyBox ash (prompt `/ # `, errors `sh: x: not found`). */
const BUSYBOX_USERLAND = new Set(['busybox', 'alpine', 'curl', 'debug-tools', 'netshoot', 'dnsutils-alpine'])

export function busyboxUserland(image: string): boolean {
  return BUSYBOX_USERLAND.has(baseName(image)) || /alpine/.test(image.split(':')[1] ?? '')
}

/** Images without any shell (distroless, pause): `kubectl exec -it … -- sh` fails there. */
const NO_SHELL = new Set(['pause', 'distroless', 'static', 'static-debian12', 'base-debian12'])

/** Whether `binary` (a bare name or a path like /bin/bash) is in the image. */
export function imageHasBinary(image: string, binary: string): boolean {
  const name = binary.split('/').pop()!
  if (name === 'sh' || name === 'bash' || name === 'ash') {
    if (NO_SHELL.has(baseName(image))) return false
    // BusyBox and Alpine ship ash as sh, not bash (netshoot adds bash).
    return name !== 'bash' || !busyboxUserland(image) || baseName(image) === 'netshoot'
  }
  return toolInImage(image, name)
}
