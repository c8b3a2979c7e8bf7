// Image pull policy defaulting needs the image's tag.
// Upstream: pkg/util/parsers ParseImageName (docker reference grammar) as used by SetDefaults_Container.

/**
 * The tag of an image reference: `nginx` → `latest`, `nginx:1.27` → `1.27`, `reg:5000/app` → `latest`,
 * `app@sha256:...` → `` (a digest and no tag), unparseable (e.g. upper case in the path) → ``.
 */
function imageTag(image: string): string {
  const [beforeDigest, digest] = image.split('@')
  const lastSlash = beforeDigest.lastIndexOf('/')
  const colon = beforeDigest.indexOf(':', lastSlash + 1)
  const name = colon >= 0 ? beforeDigest.slice(0, colon) : beforeDigest
  const tag = colon >= 0 ? beforeDigest.slice(colon + 1) : ''
  const parts = name.split('/')
  const hasDomain = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')
  const repo = (hasDomain ? parts.slice(1) : parts).join('/')
  if (!/^[a-z0-9]+([._-][a-z0-9]+|__[a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+|__[a-z0-9]+)*)*$/.test(repo)) return ''
  if (tag && !/^[\w][\w.-]{0,127}$/.test(tag)) return ''
  if (!tag && !digest) return 'latest'
  return tag
}

/** SetDefaults_Container: Always for `:latest` (or no tag), IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent'
}
