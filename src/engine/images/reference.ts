// The image reference grammar of github.com/distribution/reference (regexp.go, normalize.go): what kubectl run and
// kubectl debug accept (ReferenceRegexp) and why the kubelet refuses a name (ParseNormalizedNamed's errors).

const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`
const name = `(?:${host}(?::[0-9]+)?/)?${pathComponent}(?:/${pathComponent})*`
const tag = '[\\w][\\w.-]{0,127}'
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'

/** reference.ReferenceRegexp: name, then an optional :tag and @digest, nothing else. */
const REFERENCE = new RegExp(`^${name}(?::${tag})?(?:@${digest})?$`)

/** Whether kubectl's client-side check (reference.ReferenceRegexp.MatchString) accepts the image. */
export function isValidReference(image: string): boolean {
  return REFERENCE.test(image)
}

/**
 * ParseNormalizedNamed's error for a reference it refuses, or undefined for a valid one: the repository part (after
 * splitDockerDomain, `library/` added for a bare Docker Hub name) must be lower case, then the whole must parse.
 */
export function referenceError(image: string): string | undefined {
  const invalid = 'invalid reference format'
  const slash = image.indexOf('/')
  const first = slash < 0 ? '' : image.slice(0, slash)
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())
  let remainder = hasDomain ? image.slice(slash + 1) : image
  if (!hasDomain && !remainder.includes('/')) remainder = `library/${remainder}`
  const tagAt = remainder.indexOf(':')
  const remote = tagAt < 0 ? remainder : remainder.slice(0, tagAt)
  if (remote.toLowerCase() !== remote) return `${invalid}: repository name (${remote}) must be lowercase`
  return isValidReference(image) ? undefined : invalid
}
