// luksa/kubia and its variants ("Kubernetes in Action", Chapter02/kubia/Dockerfile: FROM node:7, ADD app.js,
// ENTRYPOINT ["node", "app.js"]). node:7 is Debian jessie with buildpack-deps' curl, wget and procps; no DNS tools.
import type { ImageFamily } from './types.ts'
import { DEBIAN_BASE, tagSet } from './types.ts'

export const kubia: ImageFamily = {
  repositories: ['docker.io/luksa/kubia', 'docker.io/luksa/kubia-unhealthy', 'docker.io/luksa/kubia-pet'],
  // v1–v3 are the book's rolling-update tags, 1.0 the second edition's.
  tags: tagSet('latest', 'v1', 'v2', 'v3', '1.0'),
  app: 'kubia',
  entrypoint: ['node', 'app.js'], cmd: [], server: ['node'],
  ports: [8080],
  binaries: [...DEBIAN_BASE, 'node', 'npm', 'curl', 'wget', 'ps'],
  sizeBytes: 264_226_040, pullSeconds: 14,
  // app.js: console.log("Kubia server starting...") then one line per request with the socket's remoteAddress.
  startLog: () => ['Kubia server starting...'],
  requestLog: (c) => `Received request from ::ffff:${c.remoteIP}`,
  exitsOnSigterm: false,
}
