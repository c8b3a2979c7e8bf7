// The image catalog: which image family a reference names, whether the registry has that tag, and what the
// kubelet, exec, probes, logs and the network walk may know about it. Nothing else in the engine decides by image name.
import type { ImageFamily } from './types.ts'
import { fnv32a } from '../controllers/hash.ts'
import { kubia } from './kubia.ts'
import { nginx, nginxAlpineBinaries } from './nginx.ts'
import { alpine, busybox } from './busybox.ts'
import { curl, debugTools, dnsutils, netshoot } from './network-tools.ts'
import { demoCoffee, echoserver, helloApp, httpEcho, whoami } from './demo-apps.ts'
import { influxdb } from './influxdb.ts'
import { coredns, gkeKubeDns, ingressNginx, metallbController, metallbSpeaker, system, webhookCertgen } from './cluster-addons.ts'
import { httpd, redis, ubuntu } from './os-and-servers.ts'
import { agnhost } from './agnhost.ts'
import { apisix, apisixEtcd, apisixIngressController } from './apisix.ts'

const FAMILIES: readonly ImageFamily[] = [kubia, nginx, busybox, alpine, curl, netshoot, dnsutils, debugTools, echoserver, helloApp, httpEcho,
  whoami, demoCoffee, influxdb, coredns, gkeKubeDns, ingressNginx, metallbController, metallbSpeaker, system, webhookCertgen, ubuntu, httpd, redis,
  agnhost, apisix, apisixEtcd, apisixIngressController]

const BY_REPOSITORY = new Map<string, ImageFamily>(FAMILIES.flatMap((f) => f.repositories.map((r) => [r, f] as const)))

/**
 * Official Docker Hub images (docker.io/library/…) the catalog does not describe: they exist, so they pull and run,
 * but kubehop does not know what they serve. Any other single-name image is not in the library: the pull is denied.
 */
const OTHER_LIBRARY = new Set(['python', 'node', 'golang', 'postgres', 'mysql', 'mariadb', 'mongo', 'rabbitmq', 'memcached', 'traefik',
  'haproxy', 'caddy', 'tomcat', 'openjdk', 'eclipse-temurin', 'ruby', 'php', 'wordpress', 'centos', 'fedora', 'amazonlinux', 'registry',
  'hello-world', 'nats', 'consul', 'vault', 'elasticsearch', 'kibana', 'jenkins', 'perl', 'rust', 'gcc', 'docker', 'ghost', 'drupal',
  'nextcloud', 'sonarqube', 'cassandra', 'couchdb', 'zookeeper', 'solr', 'rockylinux', 'almalinux', 'archlinux', 'opensuse', 'bash', 'swarm'])

/** docker/reference normalisation: `nginx` → `docker.io/library/nginx:latest`, `luksa/kubia` → `docker.io/luksa/kubia:latest`. */
export function normalizeImage(image: string): string {
  // Every pod status the kubelet computes, and every pull, names its images: normalize each reference once.
  let normalized = normalized_.get(image)
  if (normalized === undefined) {
    normalized = normalizeUncached(image)
    if (normalized_.size >= 2000) normalized_.clear()
    normalized_.set(image, normalized)
  }
  return normalized
}

const normalized_ = new Map<string, string>()

function normalizeUncached(image: string): string {
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

/** An image reference split as the registry sees it. */
export interface ImageRef {
  /** `docker.io/library/nginx` */
  repository: string
  /** `1.27`, or `latest`; undefined for a digest-only reference. */
  tag?: string
  digest?: string
}

export function parseImage(image: string): ImageRef {
  const full = normalizeImage(image)
  const at = full.indexOf('@')
  const digest = at >= 0 ? full.slice(at + 1) : undefined
  const name = at >= 0 ? full.slice(0, at) : full
  const lastSlash = name.lastIndexOf('/')
  const colon = name.indexOf(':', lastSlash)
  return { repository: colon < 0 ? name : name.slice(0, colon), ...(colon >= 0 ? { tag: name.slice(colon + 1) } : {}), ...(digest ? { digest } : {}) }
}

const cache = new Map<string, ImageFamily | undefined>()

/** The catalog's family for an image reference (registry mirrors and tags aside), or undefined for an image kubehop does not know. */
export function imageFamily(image: string): ImageFamily | undefined {
  if (cache.has(image)) return cache.get(image)
  if (cache.size >= 2000) cache.clear()
  const family = BY_REPOSITORY.get(parseImage(image).repository)
  cache.set(image, family)
  return family
}

/** What the registry answers to a pull: the image, or containerd's error (`not found` tag, or a repository that does not exist). */
export type PullAnswer = { ok: true } | { ok: false; code: 'NotFound' | 'Unknown'; error: string }

export function registryAnswer(image: string): PullAnswer {
  const ref = parseImage(image)
  const full = normalizeImage(image)
  const family = imageFamily(image)
  const resolve = `failed to pull and unpack image "${full}": failed to resolve reference "${full}"`
  if (family) {
    if (ref.digest || !ref.tag || family.tags(ref.tag)) return { ok: true }
    return { ok: false, code: 'NotFound', error: `${resolve}: ${full}: not found` }
  }
  const library = /^docker\.io\/library\/([^/]+)$/.exec(ref.repository)
  if (library && !OTHER_LIBRARY.has(library[1])) {
    return { ok: false, code: 'Unknown', error: `${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` }
  }
  return { ok: true }
}

/** Whether the catalog describes the image (so kubehop knows what it serves). */
export function knownImage(image: string): boolean {
  return imageFamily(image) !== undefined
}

/** The executables on the image's PATH (`kubectl exec` finds nothing else). Unknown images: a plain Debian userland. */
export function imageBinaries(image: string): readonly string[] {
  const family = imageFamily(image)
  if (family === nginx && /alpine/.test(parseImage(image).tag ?? '')) return nginxAlpineBinaries
  return family?.binaries ?? UNKNOWN_BINARIES
}
const UNKNOWN_BINARIES = ['sh', 'bash', 'echo', 'sleep', 'cat', 'ls', 'env', 'printenv', 'hostname', 'date', 'touch', 'rm', 'mkdir', 'rmdir',
  'test', '[', 'true', 'false', 'pwd', 'whoami', 'id', 'uname']

/** Whether the image's userland is BusyBox (error messages differ from GNU coreutils). */
export function isBusyboxImage(image: string): boolean {
  const family = imageFamily(image)
  return !!family?.busybox || /alpine/.test(parseImage(image).tag ?? '')
}

/** Compressed size the kubelet reports in `Successfully pulled image … Image size: N bytes.` */
export function imageSize(image: string): number {
  return imageFamily(image)?.sizeBytes ?? 10_000_000 + (fnv32a(normalizeImage(image)) % 200_000_000)
}

/** Seconds a first pull takes (the catalog's figure; unknown images a middling 5 s). */
export function pullSeconds(image: string): number {
  return imageFamily(image)?.pullSeconds ?? 5
}


export type { ImageFamily }
