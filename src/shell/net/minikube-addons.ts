// `minikube addons list|enable|disable` (v1.35.0, docker driver on Linux): every addon with its profile, status
// and maintainer, in minikube's table; enabling ingress installs what its manifest declares and waits for it.
// Upstream: minikube cmd/minikube/cmd/config/addons_list.go, enable.go, disable.go, pkg/addons/addons.go
// (addonSpecificChecks, verifyAddonStatus), pkg/minikube/assets/addons.go (names, maintainers, images).
import type { Cluster } from '../../engine/cluster/cluster.ts'
import type { CommandIO } from '../command.ts'
import { MINIKUBE_INGRESS_IMAGES, ingressNginxObjects } from '../../engine/ingress/install.ts'
import { exitError, exitMessage } from './minikube-out.ts'

const ADDONS: [string, string][] = [
  ['ambassador', '3rd party (Ambassador)'], ['amd-gpu-device-plugin', '3rd party (AMD)'], ['auto-pause', 'minikube'],
  ['cloud-spanner', 'Google'], ['csi-hostpath-driver', 'Kubernetes'], ['dashboard', 'Kubernetes'], ['default-storageclass', 'Kubernetes'],
  ['efk', '3rd party (Elastic)'], ['freshpod', 'Google'], ['gcp-auth', 'Google'], ['gvisor', 'minikube'], ['headlamp', '3rd party (kinvolk.io)'],
  ['inaccel', '3rd party (InAccel\n[info@inaccel.com])'], ['ingress', 'Kubernetes'], ['ingress-dns', 'minikube'],
  ['inspektor-gadget', '3rd party\n(inspektor-gadget.io)'], ['istio', '3rd party (Istio)'], ['istio-provisioner', '3rd party (Istio)'],
  ['kong', '3rd party (Kong HQ)'], ['kubeflow', '3rd party'], ['kubevirt', '3rd party (KubeVirt)'], ['logviewer', '3rd party (unknown)'],
  ['metallb', '3rd party (MetalLB)'], ['metrics-server', 'Kubernetes'], ['nvidia-device-plugin', '3rd party (NVIDIA)'],
  ['nvidia-driver-installer', '3rd party (NVIDIA)'], ['nvidia-gpu-device-plugin', '3rd party (NVIDIA)'], ['olm', '3rd party (Operator Framework)'],
  ['pod-security-policy', '3rd party (unknown)'], ['portainer', '3rd party (Portainer.io)'], ['registry', 'minikube'],
  ['registry-aliases', '3rd party (unknown)'], ['registry-creds', '3rd party (UPMC Enterprises)'], ['storage-provisioner', 'minikube'],
  ['storage-provisioner-gluster', '3rd party (Gluster)'], ['storage-provisioner-rancher', '3rd party (Rancher)'],
  ['volcano', 'third-party (volcano)'], ['volumesnapshots', 'Kubernetes'], ['yakd', '3rd party (marcnuri.com)'],
]

function enabled(cluster: Cluster, addon: string): boolean {
  if (addon === 'storage-provisioner' || addon === 'default-storageclass') return true
  if (addon === 'ingress') return !!cluster.store.get('Deployment', 'ingress-nginx', 'ingress-nginx-controller')
  if (addon === 'metallb') return !!cluster.store.get('Deployment', 'metallb-system', 'controller')
  return false
}

export function addonsList(cluster: Cluster, profile: string): string {
  const widths = [29, 10, 14, 32]
  const rule = `|${widths.map((w) => '-'.repeat(w)).join('|')}|\n`
  const center = (s: string, w: number) => { const left = Math.floor((w - s.length) / 2); return ' '.repeat(left) + s + ' '.repeat(w - s.length - left) }
  const head = `|${['ADDON NAME', 'PROFILE', 'STATUS', 'MAINTAINER'].map((h, i) => center(h, widths[i])).join('|')}|\n`
  // A maintainer too long for its column wraps onto a row of its own, as minikube's table writer does.
  const rows = ADDONS.map(([name, maintainer]) => {
    const [first, ...more] = maintainer.split('\n')
    // "enabled ✅" is 9 characters and an emoji the table writer counts as one column.
    const status = enabled(cluster, name) ? 'enabled ✅  ' : 'disabled    '
    const line = `| ${name.padEnd(widths[0] - 2)} | ${profile.padEnd(widths[1] - 2)} | ${status} | ${first.padEnd(widths[3] - 2)} |\n`
    return line + more.map((m) => `| ${''.padEnd(widths[0] - 2)} | ${''.padEnd(widths[1] - 2)} | ${''.padEnd(widths[2] - 2)} | ${m.padEnd(widths[3] - 2)} |\n`).join('')
  })
  return rule + head + rule + rows.join('') + rule
}

const OFFICIAL = ['Google', 'Kubernetes', 'minikube']

/** The addons kubehop installs, with the images minikube announces before applying their manifests. */
const INSTALLABLE: Record<string, { images: string[]; objects: () => ReturnType<typeof ingressNginxObjects> }> = {
  // Two Jobs use the same certgen image, so minikube names it twice (its map has one entry per Job).
  ingress: { images: [MINIKUBE_INGRESS_IMAGES.controller, MINIKUBE_INGRESS_IMAGES.certgen, MINIKUBE_INGRESS_IMAGES.certgen], objects: () => ingressNginxObjects('minikube') },
}

/** `minikube addons enable NAME`: the maintainer notice, the images, the manifest applied, the pods waited for. */
export function addonsEnable(io: CommandIO, cluster: Cluster, args: string[]): number {
  if (args.length !== 1) return exitMessage(io, 'MK_USAGE', 'usage: minikube addons enable ADDON_NAME', 14)
  const name = args[0]
  const maintainer = ADDONS.find(([n]) => n === name)?.[1].replace('\n', ' ')
  if (maintainer === undefined) return exitError(io, 'MK_ADDON_ENABLE', `enable failed: run callbacks: ${name} is not a valid addon`, 10)
  if (OFFICIAL.includes(maintainer)) {
    io.out(`💡  ${name} is an addon maintained by ${maintainer}. For any concerns contact minikube on GitHub.\nYou can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS\n`)
  } else {
    io.out(`❗  ${name} is a 3rd party addon and is not maintained or verified by minikube maintainers, enable at your own risk.\n❗  ${name} does not currently have an associated maintainer.\n`)
  }
  const addon = INSTALLABLE[name]
  if (!addon) {
    io.err(`kubehop: the '${name}' addon is not simulated; kubehop installs: ${Object.keys(INSTALLABLE).join(', ')}\n`)
    return 1
  }
  {
    // The "run minikube tunnel" tip is for the docker driver on macOS and Windows only (addonSpecificChecks).
    for (const image of addon.images) io.out(`    ▪ Using image ${image}\n`)
    for (const obj of addon.objects()) {
      if (!cluster.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) cluster.api.create(obj)
    }
    cluster.converge()
    if (name === 'ingress') {
      io.out('🔎  Verifying ingress addon...\n')
      waitForPods(cluster, 'ingress-nginx', 'app.kubernetes.io/name', 'ingress-nginx')
    }
  }
  io.out(`🌟  The '${name}' addon is enabled\n`)
  return 0
}

/** kapi.WaitForPods: until every pod with the label runs (or has completed, for the admission Jobs), 6 minutes at most. */
function waitForPods(cluster: Cluster, namespace: string, key: string, value: string): void {
  const settled = () => cluster.store.list('Pod', namespace).filter((p) => p.metadata.labels?.[key] === value)
    .every((p) => p.status?.phase === 'Succeeded' || (p.status?.phase === 'Running' && (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')))
  for (let waited = 0; waited < 360 && !settled(); waited++) cluster.advance(1)
}

/** `minikube addons disable NAME`: the manifest deleted; the message keeps minikube's stray leading quote. */
export function addonsDisable(io: CommandIO, cluster: Cluster, args: string[]): number {
  if (args.length !== 1) return exitMessage(io, 'MK_USAGE', 'usage: minikube addons disable ADDON_NAME', 14)
  const name = args[0]
  if (name === 'heapster') return exitMessage(io, 'SVC_ADDON_UNSUPPORTED', 'The heapster addon is depreciated. please try to disable metrics-server instead', 116)
  if (!ADDONS.some(([n]) => n === name)) return exitMessage(io, 'SVC_ADDON_UNSUPPORTED', `"'${name}' is not a valid minikube addon`, 116)
  const addon = INSTALLABLE[name]
  if (addon && enabled(cluster, name)) {
    // kubectl delete -f of the addon's manifest: the namespace last, taking anything left in it along.
    for (const obj of addon.objects().reverse()) {
      if (cluster.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) cluster.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name)
    }
    cluster.converge()
  }
  io.out(`🌑  "The '${name}' addon is disabled\n`)
  return 0
}
