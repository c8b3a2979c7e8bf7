// Image references as containerd reports them (docker.io/library/nginx:latest, a digest per image; sizes come from
// the catalog in src/engine/images/), and the kubelet's image pull policy default (pkg/apis/core/v1/defaults.go).
import { imageSize, normalizeImage } from '../images/index.ts'
import { sha256, toHex } from '../util/sha256.ts'

export { normalizeImage }

/** The repository without tag: `docker.io/library/nginx`. */
function imageRepository(image: string): string {
  const full = normalizeImage(image).replace(/@.*$/, '')
  const lastSlash = full.lastIndexOf('/')
  const colon = full.indexOf(':', lastSlash)
  return colon < 0 ? full : full.slice(0, colon)
}

/** `docker.io/library/nginx@sha256:…`, stable for a given image reference. */
export function imageID(image: string): string {
  // Every pod status the kubelet computes names its images: hash each reference once, not at every sync.
  let id = imageIDs.get(image)
  if (id === undefined) {
    id = `${imageRepository(image)}@sha256:${toHex(sha256(normalizeImage(image)))}`
    if (imageIDs.size >= 10_000) imageIDs.clear()
    imageIDs.set(image, id)
  }
  return id
}

const imageIDs = new Map<string, string>()

/** The short repository name (`nginx`, `kubia`, `coredns`), for per-image behaviour. */
export function imageBaseName(image: string): string {
  const repo = imageRepository(image)
  return repo.slice(repo.lastIndexOf('/') + 1)
}

/** pkg/apis/core/v1/defaults.go: Always for `:latest` or no tag, otherwise IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const full = normalizeImage(image)
  if (full.includes('@')) return 'IfNotPresent'
  return full.endsWith(':latest') ? 'Always' : 'IfNotPresent'
}

export { imageSize }

/** Go's time.Duration String for a pull time (`806ms`, `1.462s`, `30.68s`). */
export function formatPullDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  if (ms < 1000) return `${ms}ms`
  return `${(ms / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '')}s`
}
