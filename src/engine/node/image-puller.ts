// The kubelet's image manager on one node (pkg/kubelet/images/image_manager.go EnsureImageExists, with the default
// serializeImagePulls: one pull at a time per node) over containerd's store: whether an image must be pulled, how
// long the pull takes (the catalog's figure), and what the registry answers for an image that does not exist.
import type { NodeRuntime } from './runtime.ts'
import { normalizeImage, parseImage, pullSeconds, registryAnswer } from '../images/index.ts'

/** Images a kind node image ships preloaded: the control plane's, CoreDNS, kindnetd and local-path (kind's
 *  images/base and `kind build node-image`); any other image, registry.k8s.io's test images included, is pulled. */
const PRELOADED = new Set(['registry.k8s.io/kube-apiserver', 'registry.k8s.io/kube-controller-manager', 'registry.k8s.io/kube-scheduler',
  'registry.k8s.io/kube-proxy', 'registry.k8s.io/etcd', 'registry.k8s.io/pause', 'registry.k8s.io/coredns/coredns',
  'docker.io/kindest/kindnetd', 'docker.io/kindest/local-path-provisioner', 'docker.io/kindest/local-path-helper'])
function preloaded(image: string): boolean {
  return PRELOADED.has(parseImage(image).repository)
}

export function imagePresent(runtime: NodeRuntime, node: string, image: string): boolean {
  return !!runtime.images.get(node)?.has(normalizeImage(image)) || preloaded(image)
}

export type PullStart =
  /** On the node and the policy does not ask for a pull: `Container image "…" already present on machine`. */
  | { kind: 'present' }
  /** Pulling now; done at `doneAt` after `seconds` of pulling (the rest waiting behind other pulls on the node). */
  | { kind: 'pulling'; doneAt: number; seconds: number }
  /** The registry answered no: containerd's error and its gRPC code. */
  | { kind: 'failed'; code: string; error: string }
  /** imagePullPolicy Never and not on the node. */
  | { kind: 'never' }

/**
 * Starts (or skips) a pull. An image already on the node that is pulled anyway (policy Always) only has its manifest
 * checked: well under a second. `random` is the kubelet's seeded stream (the pull time varies ±20 %).
 */
export function beginPull(runtime: NodeRuntime, node: string, image: string, policy: string, now: number, random: () => number): PullStart {
  const present = imagePresent(runtime, node, image)
  if (policy !== 'Always' && present) return { kind: 'present' }
  if (policy === 'Never') return { kind: 'never' }
  const answer = registryAnswer(image)
  if (!answer.ok) return { kind: 'failed', code: answer.code, error: answer.error }
  // The same image already being pulled on this node: this pull waits for it, then finds every layer there.
  const inFlight = runtime.pullerFreeAt.get(`${node}\u0000${normalizeImage(image)}`) ?? 0
  const seconds = present || inFlight > now ? 0.3 + random() * 0.7 : pullSeconds(image) * (0.8 + random() * 0.4)
  const free = Math.max(now, runtime.pullerFreeAt.get(node) ?? 0)
  const doneAt = free + seconds
  runtime.pullerFreeAt.set(node, doneAt)
  runtime.pullerFreeAt.set(`${node}\u0000${normalizeImage(image)}`, doneAt)
  return { kind: 'pulling', doneAt, seconds }
}

/** The pull finished: containerd has the image. */
export function finishPull(runtime: NodeRuntime, node: string, image: string): void {
  let images = runtime.images.get(node)
  if (!images) runtime.images.set(node, (images = new Set()))
  images.add(normalizeImage(image))
}
