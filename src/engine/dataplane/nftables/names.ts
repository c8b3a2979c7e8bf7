// nftables chain and set names of kube-proxy's nftables proxier: a prefix, 8 base32 characters of a sha256
// of the readable name, then the name itself. Source: pkg/proxy/nftables/proxier.go (hashAndTruncate,
// servicePortChainNameBase, servicePortEndpointChainNameBase), v1.33.
import { base32 } from '../kube-proxy/base32'
import { sha256 } from '../../util/sha256.ts'

const cache = new Map<string, string>()
const CACHE_MAX = 100_000
// knftables.NameLengthMax (256) less the longest prefix ("external-" and co., 16).
const BASE_MAX = 240

/** `HASH-name`, cut to 240 characters with `...` (never happens for valid Kubernetes names). */
function hashAndTruncate(name: string): string {
  let out = cache.get(name)
  if (out === undefined) {
    out = `${base32(sha256(name)).slice(0, 8)}-${name}`
    if (out.length > BASE_MAX) out = out.slice(0, BASE_MAX - 3) + '...'
    if (cache.size >= CACHE_MAX) cache.clear()
    cache.set(name, out)
  }
  return out
}

/** `namespace/name/protocol/portName` (an unnamed port leaves the last part empty). */
export function servicePortBase(namespace: string, name: string, protocol: string, portName: string): string {
  return hashAndTruncate(`${namespace}/${name}/${protocol}/${portName}`)
}

/** `namespace/name/protocol/portName__ip/port`. */
export function endpointBase(namespace: string, name: string, protocol: string, portName: string, ip: string, port: number): string {
  return hashAndTruncate(`${namespace}/${name}/${protocol}/${portName}__${ip}/${port}`)
}
