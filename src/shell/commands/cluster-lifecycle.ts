// Creating and deleting clusters: kind, minikube and gcloud, with the progress lines those tools print (on stderr).
import { kindLoadDockerImage } from './local-images.ts'
import type { Command, CommandIO, ShellHost } from '../command.ts'
import { Cluster } from '../../engine/cluster/cluster.ts'
import { KindConfigError, kindProfile, parseKindConfig } from '../../engine/cluster/kind-config.ts'
import { minikubeProfile, gkeProfile } from '../../engine/cluster/other-profiles.ts'
import { MAX_MINOR, MIN_MINOR, parseKubeVersion } from '../../engine/cluster/k8s-version.ts'
import { SeededRandom } from '../../engine/sim/random.ts'
import { FlagError, int, parseFlags, str } from '../kubectl/flags.ts'
import { installForGKE } from '../../engine/gateway/install.ts'

// kind ends a successful create with one of these, picked at random (pkg/cmd/kind/create/cluster).
const KIND_SALUTATIONS = [
  'Have a nice day! 👋',
  'Thanks for using kind! 😊',
  'Not sure what to do next? 😅  Check out https://kind.sigs.k8s.io/docs/user/quick-start/',
  'Have a question, bug, or feature request? Let us know! https://kind.sigs.k8s.io/#community 🙂',
]

function existing(host: ShellHost): Cluster | null {
  // The implicit default cluster counts as existing only once something used it.
  return host.clusterTouched ? host.cluster : null
}

/**
 * The Kubernetes version of a `--image kindest/node:vX.Y.Z[@sha256:…]`. An image that does not exist fails the
 * way `docker pull` makes kind fail; a real version outside the span kubehop simulates gets kubehop's own message.
 */
function nodeImageVersion(image: string): string {
  const m = /^(?:docker\.io\/)?kindest\/node:(v\d+\.\d+\.\d+)(?:@sha256:[0-9a-f]{64})?$/.exec(image)
  const version = m ? parseKubeVersion(m[1]) : undefined
  if (!m || !version || version.major !== 1) {
    const ref = image.includes(':') || image.includes('@') ? image : `${image}:latest`
    throw new KindConfigError(`ERROR: failed to create cluster: failed to pull image "${ref}": command "docker pull ${ref}" failed with error: exit status 1\nCommand Output: Error response from daemon: manifest for ${ref} not found: manifest unknown: manifest unknown`)
  }
  if (version.minor < MIN_MINOR || version.minor > MAX_MINOR) {
    throw new KindConfigError(`ERROR: failed to create cluster: kubehop simulates Kubernetes v1.${MIN_MINOR} to v1.${MAX_MINOR}; ${image} is outside that span`)
  }
  return m[1]
}

function kindCreate(io: CommandIO, host: ShellHost, args: string[]): number {
  const flags = parseFlags(args, [
    { name: 'name', type: 'string' }, { name: 'config', type: 'string' }, { name: 'image', type: 'string' },
    { name: 'wait', type: 'string' }, { name: 'retain', type: 'bool' }, { name: 'kubeconfig', type: 'string' },
  ])
  // `Args: cobra.NoArgs` (kind pkg/cmd/kind/create/cluster/createcluster.go): a stray word ends it before anything is built.
  if (flags.positional.length || flags.rest?.length) {
    io.err(`ERROR: unknown command "${flags.positional[0] ?? flags.rest![0]}" for "kind create cluster"\n`)
    return 1
  }
  let profile
  try {
    const configPath = str(flags, 'config')
    let text: string | undefined
    if (configPath) {
      text = configPath === '-' ? io.stdin : host.readFile(configPath)
      if (text === undefined) {
        io.err(`ERROR: failed to create cluster: error reading file: open ${configPath}: no such file or directory\n`)
        return 1
      }
    }
    profile = kindProfile(parseKindConfig(text), str(flags, 'name'))
    const image = str(flags, 'image')
    if (image !== undefined) profile = { ...profile, kubernetesVersion: nodeImageVersion(image) }
  } catch (err) {
    if (err instanceof KindConfigError) {
      io.err(`${err.message}\n`)
      return 1
    }
    throw err
  }
  const current = existing(host)
  if (current && current.profile.type === 'kind' && current.profile.name === profile.name) {
    io.err(`ERROR: failed to create cluster: node(s) already exist for a cluster with the name "${profile.name}"\n`)
    return 1
  }
  const workers = profile.nodes.filter((n) => n.role === 'worker').length
  const lines = [
    `Creating cluster "${profile.name}" ...`,
    ` ✓ Ensuring node image (kindest/node:${profile.kubernetesVersion}) 🖼`,
    ` ✓ Preparing nodes ${profile.nodes.map(() => '📦').join(' ')}  `,
    ' ✓ Writing configuration 📜',
    ' ✓ Starting control-plane 🕹️',
    ' ✓ Installing CNI 🔌',
    ' ✓ Installing StorageClass 💾',
    ...(workers ? [' ✓ Joining worker nodes 🚜'] : []),
    `Set kubectl context to "kind-${profile.name}"`,
    'You can now use your cluster with:',
    '',
    `kubectl cluster-info --context kind-${profile.name}`,
    '',
    new SeededRandom(host.seed).pick(KIND_SALUTATIONS),
  ]
  io.err(lines.join('\n') + '\n')
  host.setCluster(new Cluster(profile, host.seed))
  return 0
}

export const kind: Command = (io, host) => {
  const [verb, object, ...rest] = io.argv.slice(1)
  try {
    if (verb === 'create' && object === 'cluster') return kindCreate(io, host, rest)
    if (verb === 'load' && object === 'docker-image') return kindLoadDockerImage(io, host, rest)
    if (verb === 'delete' && object === 'cluster') {
      const name = str(parseFlags(rest, [{ name: 'name', type: 'string' }, { name: 'kubeconfig', type: 'string' }]), 'name') ?? 'kind'
      io.err(`Deleting cluster "${name}" ...\n`)
      const current = host.cluster
      if (current && current.profile.type === 'kind' && current.profile.name === name) {
        io.err(`Deleted nodes: [${current.profile.nodes.map((n) => `"${n.name}"`).reverse().join(' ')}]\n`)
        host.setCluster(null)
      }
      return 0
    }
    if (verb === 'get' && object === 'nodes') {
      const current = host.cluster
      if (!current || current.profile.type !== 'kind') {
        io.err('No kind nodes found for cluster "kind".\n')
        return 0
      }
      io.out(current.profile.nodes.map((n) => n.name).sort().join('\n') + '\n')
      return 0
    }
    if (verb === 'get' && object === 'clusters') {
      const current = host.cluster
      if (current?.profile.type === 'kind') io.out(`${current.profile.name}\n`)
      else io.err('No kind clusters found.\n')
      return 0
    }
    if (verb === 'version') {
      io.out('kind v0.27.0 go1.23.6 linux/amd64\n')
      return 0
    }
  } catch (err) {
    if (err instanceof FlagError) {
      io.err(`ERROR: ${err.message}\n`)
      return 1
    }
    throw err
  }
  io.err(`ERROR: unknown command "${[verb, object].filter(Boolean).join(' ')}" for "kind"\n`)
  return 1
}

/** `minikube start|delete|status|ip`; the networking subcommands (service, tunnel, addons) are the data plane's. */
export function minikubeLifecycle(io: CommandIO, host: ShellHost): number | undefined {
  const [verb, ...rest] = io.argv.slice(1)
  if (verb === 'start') {
    const nodes = int(parseFlags(rest, [{ name: 'nodes', type: 'int' }, { name: 'driver', type: 'string' }, { name: 'kubernetes-version', type: 'string' },
      { name: 'cpus', type: 'string' }, { name: 'memory', type: 'string' }, { name: 'cni', type: 'string' }, { name: 'addons', type: 'stringArray' }, { name: 'profile', short: 'p', type: 'string' }]), 'nodes') ?? 1
    const profile = minikubeProfile(nodes)
    io.out([
      '😄  minikube v1.35.0 on Debian 12.8 (amd64)',
      '✨  Automatically selected the docker driver',
      '👍  Starting "minikube" primary control-plane node in "minikube" cluster',
      '🚜  Pulling base image v0.0.46 ...',
      '🔥  Creating docker container (CPUs=2, Memory=6000MB) ...',
      `🐳  Preparing Kubernetes ${profile.kubernetesVersion} on Docker 27.4.1 ...`,
      '    ▪ Generating certificates and keys ...',
      '    ▪ Booting up control plane ...',
      '    ▪ Configuring RBAC rules ...',
      `🔗  Configuring ${nodes > 1 ? 'CNI (Container Networking Interface)' : 'bridge CNI (Container Networking Interface)'} ...`,
      ...profile.nodes.slice(1).map((n) => `👍  Starting "${n.name}" worker node in "minikube" cluster`),
      '🔎  Verifying Kubernetes components...',
      '    ▪ Using image gcr.io/k8s-minikube/storage-provisioner:v5',
      '🌟  Enabled addons: storage-provisioner, default-storageclass',
      '🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default',
    ].join('\n') + '\n')
    host.setCluster(new Cluster(profile, host.seed))
    return 0
  }
  if (verb === 'delete') {
    io.out('🔥  Deleting "minikube" in docker ...\n🔥  Deleting container "minikube" ...\n🔥  Removing /root/.minikube/machines/minikube ...\n💀  Removed all traces of the "minikube" cluster.\n')
    if (host.cluster?.profile.type === 'minikube') host.setCluster(null)
    return 0
  }
  const current = host.cluster
  if (verb === 'ip' || verb === 'status') {
    if (!current || current.profile.type !== 'minikube') {
      io.out('🤷  The control-plane node minikube host does not exist\n👉  To start a cluster, run: "minikube start"\n')
      return verb === 'ip' ? 85 : 7
    }
    if (verb === 'ip') io.out(`${current.profile.nodes[0].internalIP}\n`)
    else io.out('minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n')
    return 0
  }
  return undefined
}

/** `gcloud container clusters create|delete|list`; firewall rules belong to the data plane. */
export function gcloudContainer(io: CommandIO, host: ShellHost): number | undefined {
  const [group, resource, verb, name, ...rest] = io.argv.slice(1)
  if (group !== 'container' || resource !== 'clusters') return undefined
  const project = 'kubehop-demo'
  const zone = 'us-central1-c'
  if (verb === 'create') {
    if (!name) {
      io.err('ERROR: (gcloud.container.clusters.create) argument NAME: Must be specified.\nUsage: gcloud container clusters create NAME [optional flags]\n')
      return 2
    }
    const flags = parseFlags(rest, [{ name: 'num-nodes', type: 'int' }, { name: 'zone', type: 'string' }, { name: 'machine-type', type: 'string' }, { name: 'region', type: 'string' }, { name: 'quiet', short: 'q', type: 'bool' }, { name: 'gateway-api', type: 'string' }])
    const nodes = int(flags, 'num-nodes') ?? 3
    const gatewayApi = str(flags, 'gateway-api')
    if (gatewayApi !== undefined && gatewayApi !== 'standard' && gatewayApi !== 'disabled') {
      io.err(`ERROR: (gcloud.container.clusters.create) argument --gateway-api: Invalid choice: '${gatewayApi}'.\n`)
      return 2
    }
    const where = str(flags, 'zone') ?? zone
    const profile = gkeProfile(name, nodes, new SeededRandom(host.seed).fork(`gke-${name}`))
    const cluster = new Cluster(profile, host.seed)
    const version = profile.kubernetesVersion.slice(1)
    const masterIP = profile.apiServerIP ?? ''
    io.err([
      'Note: The Kubelet readonly port (10255) is now deprecated. Please update your workloads to use the recommended alternatives. See https://cloud.google.com/kubernetes-engine/docs/how-to/disable-kubelet-readonly-port for ways to check usage and for migration instructions.',
      `Creating cluster ${name} in ${where}... Cluster is being health-checked (master is healthy)...done.`,
      `Created [https://container.googleapis.com/v1/projects/${project}/zones/${where}/clusters/${name}].`,
      `To inspect the contents of your cluster, go to: https://console.cloud.google.com/kubernetes/workload_/gcloud/${where}/${name}?project=${project}`,
      `kubeconfig entry generated for ${name}.`,
    ].join('\n') + '\n')
    const row = [name, where, version, masterIP, 'e2-medium', version, String(nodes), 'RUNNING']
    const head = ['NAME', 'LOCATION', 'MASTER_VERSION', 'MASTER_IP', 'MACHINE_TYPE', 'NODE_VERSION', 'NUM_NODES', 'STATUS']
    const widths = head.map((h, i) => Math.max(h.length, row[i].length))
    const fmt = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] + 2))).join('')
    io.out(`${fmt(head)}\n${fmt(row)}\n`)
    // --gateway-api=standard: GKE installs the Gateway API CRDs and its gke-l7-* GatewayClasses.
    if (gatewayApi === 'standard') installForGKE(cluster.api, cluster.store)
    host.setCluster(cluster)
    return 0
  }
  if (verb === 'delete') {
    io.err(`Deleting cluster ${name}...done.\nDeleted [https://container.googleapis.com/v1/projects/${project}/zones/${zone}/clusters/${name}].\n`)
    if (host.cluster?.profile.type === 'gke' && host.cluster.profile.name === name) host.setCluster(null)
    return 0
  }
  return undefined
}

export const sleep: Command = (io, host) => {
  const arg = io.argv[1]
  const match = arg?.match(/^(\d+(?:\.\d+)?)([smhd]?)$/)
  if (!match) {
    io.err(arg === undefined ? 'sleep: missing operand\nTry \'sleep --help\' for more information.\n' : `sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`)
    return 1
  }
  const seconds = Number(match[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[match[2]]
  host.cluster?.advance(seconds)
  return 0
}

