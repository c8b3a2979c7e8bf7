// busybox (CMD ["sh"]) and alpine (CMD ["/bin/sh"]): BusyBox applets only, no curl, bash or dig. Without a
// terminal their shell reads an empty stdin and exits 0 at once: such a pod completes (and crash-loops under Always).
import type { ImageFamily } from './types.ts'
import { BUSYBOX_APPLETS } from './types.ts'

export const busybox: ImageFamily = {
  repositories: ['docker.io/library/busybox'],
  tags: (t) => /^(latest|stable|musl|glibc|uclibc|1\.3[0-7](\.\d)?(-(musl|glibc|uclibc))?|1\.2\d(\.\d)?(-(musl|glibc|uclibc))?)$/.test(t),
  app: 'tool',
  entrypoint: [], cmd: ['sh'],
  ports: [],
  binaries: BUSYBOX_APPLETS, busybox: true,
  sizeBytes: 2_166_802, pullSeconds: 2,
  exitsOnSigterm: false,
}

export const alpine: ImageFamily = {
  repositories: ['docker.io/library/alpine'],
  tags: (t) => /^(latest|edge|3(\.\d{1,2}){0,2})$/.test(t) && !/^3\.(2[2-9])/.test(t),
  app: 'tool',
  entrypoint: [], cmd: ['/bin/sh'],
  ports: [],
  binaries: BUSYBOX_APPLETS, busybox: true,
  sizeBytes: 3_652_000, pullSeconds: 2,
  exitsOnSigterm: false,
}
