// `minikube addons list` (v1.35): every addon with its profile, status and maintainer, in minikube's table.
// Upstream: minikube cmd/minikube/cmd/config/addons_list.go, pkg/minikube/assets/addons.go (names, maintainers,
// default-enabled addons). A fresh cluster has storage-provisioner and default-storageclass on; ingress is on once
// its controller is installed.
import type { Cluster } from '../../engine/cluster/cluster.ts'

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
