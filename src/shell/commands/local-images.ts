// The images in the learner's own Docker (`docker pull`) and `kind load docker-image`, which copies one into
// every node of a kind cluster. Nothing is downloaded: digests and layer IDs are derived from the reference so a
// transcript stays the same run after run. Output shapes: docker CLI 27 (a terminal's final progress lines) and
// kind v0.27 (pkg/cmd/kind/load/docker-image: "not present locally", "not yet present on node", "already present").
import type { CommandIO, ShellHost } from '../command.ts'
import { sha256, toHex } from '../../engine/util/sha256.ts'

const pulled = new WeakMap<ShellHost, Set<string>>()
const loaded = new WeakMap<object, Set<string>>()

/** `nginx` → `docker.io/library/nginx:latest`, `luksa/kubia:1` → `docker.io/luksa/kubia:1`. */
function normalize(ref: string): { full: string; repo: string; tag: string; tagged: boolean } {
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  const tagged = colon > slash
  const name = tagged ? ref.slice(0, colon) : ref
  const tag = tagged ? ref.slice(colon + 1) : 'latest'
  const first = name.split('/')[0]
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  const repo = hasRegistry ? name : name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`
  return { full: `${repo}:${tag}`, repo, tag, tagged }
}

const hex = (text: string) => toHex(sha256(text))

/** `docker pull REF`. */
export function dockerPull(io: CommandIO, host: ShellHost, args: string[]): number {
  const refs = args.filter((a) => !a.startsWith('-'))
  if (refs.length !== 1) {
    io.err(`"docker pull" requires exactly 1 argument.\nSee 'docker pull --help'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nDownload an image from a registry\n`)
    return 1
  }
  const ref = normalize(refs[0])
  const local = pulled.get(host) ?? new Set<string>()
  pulled.set(host, local)
  const shortRepo = ref.repo.replace(/^docker\.io\//, '')
  const lines: string[] = []
  if (!ref.tagged) lines.push('Using default tag: latest')
  lines.push(`${ref.tag}: Pulling from ${shortRepo}`)
  if (local.has(ref.full)) {
    lines.push(`Digest: sha256:${hex(`digest ${ref.full}`)}`, `Status: Image is up to date for ${refs[0]}${ref.tagged ? '' : ':latest'}`)
  } else {
    const layers = 3 + (parseInt(hex(ref.full).slice(0, 2), 16) % 5)
    for (let i = 0; i < layers; i++) lines.push(`${hex(`layer ${i} ${ref.full}`).slice(0, 12)}: Pull complete`)
    lines.push(`Digest: sha256:${hex(`digest ${ref.full}`)}`, `Status: Downloaded newer image for ${refs[0]}${ref.tagged ? '' : ':latest'}`)
    local.add(ref.full)
  }
  lines.push(ref.full)
  io.out(lines.join('\n') + '\n')
  return 0
}

/** `kind load docker-image IMAGE... [--name NAME] [--nodes a,b]`. */
export function kindLoadDockerImage(io: CommandIO, host: ShellHost, args: string[]): number {
  let name = 'kind'
  const images: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--name' || a === '-n') name = args[++i] ?? ''
    else if (a.startsWith('--name=')) name = a.slice(7)
    else images.push(a)
  }
  if (!images.length) { io.err('ERROR: a list of image names is required\n'); return 1 }
  const cluster = host.cluster
  if (!cluster || cluster.profile.type !== 'kind' || cluster.profile.name !== name) { io.err(`ERROR: no nodes found for cluster "${name}"\n`); return 1 }
  const local = pulled.get(host) ?? new Set<string>()
  for (const image of images) if (!local.has(normalize(image).full)) { io.err(`ERROR: image: "${image}" not present locally\n`); return 1 }
  const onNodes = loaded.get(cluster) ?? new Set<string>()
  loaded.set(cluster, onNodes)
  const nodes = cluster.profile.nodes.map((n) => n.name).sort()
  for (const image of images) {
    const full = normalize(image).full
    const id = `sha256:${hex(`id ${full}`)}`
    if (onNodes.has(full)) { io.err(`Image: "${image}" with ID "${id}" found to be already present on all nodes.\n`); continue }
    for (const node of nodes) io.err(`Image: "${image}" with ID "${id}" not yet present on node "${node}", loading...\n`)
    onNodes.add(full)
  }
  return 0
}
