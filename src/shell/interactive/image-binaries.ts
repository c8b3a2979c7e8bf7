// Which programs an image has, for a shell opened in it: the image catalog's word (src/engine/images/).
import { imageBinaries, isBusyboxImage } from '../../engine/images/index.ts'

/** The image's name without registry, tag or digest (`docker.io/library/busybox:1.36` → `busybox`). */
function baseName(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]*$/, '').split('/').pop()!.toLowerCase()
}

/** Alpine-based images whose `sh` is BusyBox ash (prompt `/ # `, errors `sh: x: not found`). */
export function busyboxUserland(image: string): boolean {
  return isBusyboxImage(image)
}

/** Images without any shell (distroless, pause): `kubectl exec -it … -- sh` fails there. */
const NO_SHELL = new Set(['pause', 'distroless', 'static', 'static-debian12', 'base-debian12'])

/** Whether `binary` (a bare name or a path like /bin/bash) is in the image. */
export function imageHasBinary(image: string, binary: string): boolean {
  const name = binary.split('/').pop()!
  if (NO_SHELL.has(baseName(image))) return false
  return imageBinaries(image).includes(name)
}
