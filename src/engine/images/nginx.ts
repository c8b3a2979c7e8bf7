// nginx (docker-library/nginx): ENTRYPOINT /docker-entrypoint.sh, CMD nginx -g 'daemon off;'. The Debian image adds
// curl and gettext-base to bookworm's base (no ps, ping, wget or DNS tools); `-alpine` tags are BusyBox.
import type { ImageFamily, StartContext } from './types.ts'
import { BUSYBOX_APPLETS, DEBIAN_BASE, goLogTime, nginxAccessLine } from './types.ts'
import { NGINX_VERSION } from '../apps/nginx-stock.ts'

/** The last patch release of each minor line the tags name (`1.23` → 1.23.4). */
const LAST_PATCH: Record<string, number> = { 19: 10, 20: 2, 21: 6, 22: 1, 23: 4, 24: 0, 25: 5, 26: 3, 27: 4 }
const VARIANT = /^(alpine|perl|alpine-perl|alpine-slim|alpine3\.\d+|bookworm|bullseye|alpine-otel|otel)$/

function nginxTag(tag: string): boolean {
  if (/^(latest|stable|mainline)(-(alpine|perl|alpine-perl|alpine-slim|bookworm|otel))?$/.test(tag) || VARIANT.test(tag)) return true
  const m = /^1\.(\d+)(?:\.(\d+))?(?:-(.+))?$/.exec(tag)
  if (!m || (m[3] && !VARIANT.test(m[3]))) return false
  const minor = Number(m[1])
  if (minor < 9 || minor > 27) return false
  return m[2] === undefined || Number(m[2]) <= (LAST_PATCH[minor] ?? 12)
}

/** The nginx version a tag runs. */
function versionOf(tag: string): string {
  const m = /^1\.(\d+)(?:\.(\d+))?/.exec(tag)
  if (!m) return NGINX_VERSION
  return `1.${m[1]}.${m[2] ?? LAST_PATCH[m[1]] ?? 0}`
}

/** docker-entrypoint.sh's lines (15-local-resolvers came with 1.25), then nginx's start-up notices. */
function nginxStart(c: StartContext): string[] {
  const version = versionOf(c.tag)
  const minor = Number(version.split('.')[1])
  const t = goLogTime(c.now)
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    ...(minor >= 25 ? ['/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh'] : []),
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${t} [notice] 1#1: using the "epoll" event method`,
    `${t} [notice] 1#1: nginx/${version}`,
    `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
    `${t} [notice] 1#1: OS: Linux 6.8.0-49-generic`,
    `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${t} [notice] 1#1: start worker processes`,
    `${t} [notice] 1#1: start worker process 29`,
    `${t} [notice] 1#1: start worker process 30`,
  ]
}

export const nginx: ImageFamily = {
  repositories: ['docker.io/library/nginx', 'docker.io/nginxinc/nginx-unprivileged'],
  tags: nginxTag,
  app: 'nginx',
  entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], server: ['nginx', 'docker-entrypoint.sh'],
  ports: 'config',
  binaries: [...DEBIAN_BASE, 'nginx', 'curl', 'envsubst'],
  sizeBytes: 72_195_292, pullSeconds: 6,
  startLog: nginxStart,
  requestLog: nginxAccessLine,
  exitsOnSigterm: true,
}

/** nginx:*-alpine: the same server on BusyBox. */
export const nginxAlpineBinaries = [...BUSYBOX_APPLETS, 'nginx', 'curl', 'envsubst']
