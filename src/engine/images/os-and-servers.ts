// Base OS images (CMD bash/sh: they exit at once without a terminal) and common servers from Docker Hub.
import type { ImageFamily } from './types.ts'
import { DEBIAN_BASE } from './types.ts'

export const ubuntu: ImageFamily = {
  repositories: ['docker.io/library/ubuntu', 'docker.io/library/debian'],
  tags: (t) => /^(latest|rolling|noble|jammy|focal|bookworm|bullseye|bookworm-slim|bullseye-slim|trixie|(1[0-2]|2[0-4])(\.\d\d)?)$/.test(t),
  app: 'tool',
  entrypoint: [], cmd: ['bash'],
  ports: [],
  binaries: DEBIAN_BASE,
  sizeBytes: 29_754_290, pullSeconds: 3,
  exitsOnSigterm: false,
}

export const httpd: ImageFamily = {
  repositories: ['docker.io/library/httpd'],
  tags: (t) => /^(latest|alpine|2(\.4(\.\d{1,2})?)?(-alpine)?)$/.test(t),
  app: 'generic',
  entrypoint: [], cmd: ['httpd-foreground'], server: ['httpd-foreground', 'httpd'],
  ports: [80],
  binaries: [...DEBIAN_BASE, 'httpd'],
  sizeBytes: 58_226_331, pullSeconds: 5,
  startLog: () => ["AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 127.0.0.1. Set the 'ServerName' directive globally to suppress this message"],
  exitsOnSigterm: true,
}

export const redis: ImageFamily = {
  repositories: ['docker.io/library/redis'],
  tags: (t) => /^(latest|alpine|[5-7](\.\d{1,2}){0,2}(-alpine)?)$/.test(t),
  app: 'generic',
  entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], server: ['redis-server', 'docker-entrypoint.sh'],
  ports: [6379],
  binaries: [...DEBIAN_BASE, 'redis-server', 'redis-cli'],
  sizeBytes: 45_069_434, pullSeconds: 4,
  startLog: () => ['1:M * Ready to accept connections tcp'],
  exitsOnSigterm: true,
}
