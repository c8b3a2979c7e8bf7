// The small HTTP apps of tutorials: echoserver (nginx + lua, 8080), hello-app (Go, 8080, "Serving request: /"),
// hashicorp/http-echo (Go, 5678 or -listen), traefik/whoami (Go, 80 or --port), ansilh/demo-coffee (9090).
import type { ImageFamily } from './types.ts'
import { BUSYBOX_APPLETS, DEBIAN_BASE, goLogTime, nginxAccessLine, tagSet } from './types.ts'

export const echoserver: ImageFamily = {
  repositories: ['registry.k8s.io/echoserver', 'k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver', 'docker.io/ealen/echo-server'],
  tags: (t) => /^(1\.([4-9]|10)|latest)$/.test(t),
  app: 'echoserver',
  entrypoint: [], cmd: ['/usr/local/bin/run.sh'], server: ['run.sh', 'nginx'],
  ports: [8080],
  binaries: [...DEBIAN_BASE, 'nginx', 'ps'],
  sizeBytes: 46_237_695, pullSeconds: 4,
  // run.sh creates a self-signed certificate, then nginx logs each request in its combined format.
  startLog: () => ['Generating self-signed cert', 'Generating a 2048 bit RSA private key', '..+++', '.......+++', "writing new private key to '/certs/privateKey.key'", '-----', 'Starting nginx'],
  requestLog: (c) => nginxAccessLine(c).replace(/ "-"$/, ''),
  exitsOnSigterm: true,
}

export const helloApp: ImageFamily = {
  repositories: ['us-docker.pkg.dev/google-samples/containers/gke/hello-app', 'gcr.io/google-samples/hello-app'],
  tags: tagSet('1.0', '2.0'),
  app: 'hello-app',
  entrypoint: ['./hello-app'], cmd: [], server: ['hello-app'],
  ports: [8080],
  // A distroless-like Alpine: the binary and BusyBox.
  binaries: [...BUSYBOX_APPLETS], busybox: true,
  sizeBytes: 11_240_533, pullSeconds: 2.5,
  startLog: (c) => [`${goLogTime(c.now)} Server listening on port 8080`],
  requestLog: (c) => `${goLogTime(c.now)} Serving request: ${c.path.replace(/\?.*$/, '')}`,
  exitsOnSigterm: true,
}

export const httpEcho: ImageFamily = {
  repositories: ['docker.io/hashicorp/http-echo'],
  tags: (t) => /^(latest|0\.2\.3|1\.0(\.0)?)$/.test(t),
  app: 'http-echo',
  entrypoint: ['/http-echo'], cmd: [], server: ['http-echo'],
  ports: [5678],
  binaries: [],
  sizeBytes: 2_925_402, pullSeconds: 1.5,
  startLog: (c) => [`${goLogTime(c.now)} [INFO] server is listening on :5678`],
  requestLog: (c) => `${goLogTime(c.now)} ${c.remoteIP}:${c.remotePort} "${c.method} ${c.path} HTTP/1.1" ${c.status} ${c.bytes} "${c.userAgent}" 26.1µs`,
  exitsOnSigterm: true,
}

export const whoami: ImageFamily = {
  repositories: ['docker.io/traefik/whoami', 'docker.io/containous/whoami'],
  tags: (t) => /^(latest|v1\.\d{1,2}(\.\d)?)$/.test(t),
  app: 'whoami',
  entrypoint: ['/whoami'], cmd: [], server: ['whoami'],
  ports: [80],
  binaries: [],
  sizeBytes: 3_252_812, pullSeconds: 1.5,
  startLog: (c) => [`${goLogTime(c.now)} Starting up on port 80`],
  exitsOnSigterm: true,
}

export const demoCoffee: ImageFamily = {
  repositories: ['docker.io/ansilh/demo-coffee'],
  tags: tagSet('latest'),
  app: 'demo-coffee',
  entrypoint: ['/app/coffee'], cmd: [], server: ['coffee'],
  ports: [9090],
  binaries: [...BUSYBOX_APPLETS], busybox: true,
  sizeBytes: 6_841_230, pullSeconds: 2,
  exitsOnSigterm: true,
}
