// Image references as containerd reports them (docker.io/library/nginx:latest, a digest per image), what each
// common image weighs when pulled, and the kubelet's image pull policy default (pkg/apis/core/v1/defaults.go).
import { fnv32a } from '../controllers/hash.ts'
import { sha256, toHex } from '../util/sha256.ts'

/** docker/reference normalisation: `nginx` → `docker.io/library/nginx:latest`, `luksa/kubia` → `docker.io/luksa/kubia:latest`. */
export function normalizeImage(image: string): string {
  let name = image
  const at = name.indexOf('@')
  const digest = at >= 0 ? name.slice(at) : ''
  if (at >= 0) name = name.slice(0, at)
  const slash = name.indexOf('/')
  const first = slash < 0 ? '' : name.slice(0, slash)
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost'
  if (!hasRegistry) name = `docker.io/${slash < 0 ? 'library/' : ''}${name}`
  const lastSlash = name.lastIndexOf('/')
  if (!digest && !name.slice(lastSlash).includes(':')) name += ':latest'
  return name + digest
}

/** The repository without tag: `docker.io/library/nginx`. */
function imageRepository(image: string): string {
  const full = normalizeImage(image).replace(/@.*$/, '')
  const lastSlash = full.lastIndexOf('/')
  const colon = full.indexOf(':', lastSlash)
  return colon < 0 ? full : full.slice(0, colon)
}

/** `docker.io/library/nginx@sha256:…`, stable for a given image reference. */
export function imageID(image: string): string {
  return `${imageRepository(image)}@sha256:${toHex(sha256(normalizeImage(image)))}`
}

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

const SIZES: Record<string, number> = {
  nginx: 72_195_292, httpd: 58_226_331, kubia: 264_226_040, 'kubia-unhealthy': 264_226_042, echoserver: 46_237_695,
  redis: 45_069_434, busybox: 2_166_802, alpine: 3_652_000, 'http-echo': 2_925_402, curl: 9_928_143, python: 390_562_154,
}

/** Compressed image size the kubelet reports in `Successfully pulled image … Image size: N bytes.` */
export function imageSize(image: string): number {
  return SIZES[imageBaseName(image)] ?? 10_000_000 + (fnv32a(normalizeImage(image)) % 200_000_000)
}

/** Go's time.Duration String for a pull time (`806ms`, `1.462s`, `30.68s`). */
export function formatPullDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  if (ms < 1000) return `${ms}ms`
  return `${(ms / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '')}s`
}
