// The images of a kind cluster's own pods (preloaded in kindest/node) and of ingress-nginx: CoreDNS (53/UDP+TCP,
// health 8080, ready 8181, metrics 9153), the ingress controller (80, 443, webhook 8443, metrics 10254), kindnetd,
// kube-proxy, the control plane and local-path-provisioner (node daemons: the network walk serves their ports).
import type { ImageFamily } from './types.ts'

const anyTag = () => true

export const coredns: ImageFamily = {
  repositories: ['registry.k8s.io/coredns/coredns', 'k8s.gcr.io/coredns', 'docker.io/coredns/coredns'],
  tags: (t) => /^(v?1\.\d{1,2}\.\d{1,2}|latest)$/.test(t),
  app: 'coredns',
  entrypoint: ['/coredns'], cmd: [], server: ['coredns'],
  ports: [53, 8080, 8181, 9153], udpPorts: [53],
  binaries: [],
  sizeBytes: 18_562_039, pullSeconds: 2,
  startLog: () => ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.11, a6338e9'],
  exitsOnSigterm: true,
}

export const ingressNginx: ImageFamily = {
  repositories: ['registry.k8s.io/ingress-nginx/controller'],
  tags: (t) => /^v1\.\d{1,2}\.\d{1,2}(@sha256:[0-9a-f]{64})?$/.test(t),
  app: 'ingress-nginx',
  entrypoint: ['/usr/bin/dumb-init', '--'], cmd: ['/nginx-ingress-controller'], server: ['nginx-ingress-controller', 'dumb-init'],
  ports: [80, 443, 8443, 10254],
  binaries: ['sh', 'echo', 'cat', 'ls', 'env', 'sleep', 'nginx', 'curl', 'ps'], busybox: true,
  sizeBytes: 105_427_339, pullSeconds: 8,
  exitsOnSigterm: true,
}

/**
 * GKE's kube-dns (`gke.gcr.io/k8s-dns-kube-dns`). The real pod runs kubedns (DNS on 10053, readiness /readiness on
 * 8081, metrics 10055), dnsmasq in front of it on 53 and a sidecar whose 10054 answers /healthcheck/kubedns; the
 * simulation runs the pod as this one container, so it binds all of those and resolves as the cluster DNS does.
 */
export const gkeKubeDns: ImageFamily = {
  repositories: ['gke.gcr.io/k8s-dns-kube-dns', 'registry.k8s.io/dns/k8s-dns-kube-dns', 'k8s.gcr.io/dns/k8s-dns-kube-dns'],
  tags: (t) => /^1\.\d{1,2}\.\d{1,2}(-gke\.\d+)?$/.test(t),
  app: 'coredns',
  entrypoint: ['/kube-dns'], cmd: [], server: ['kube-dns'],
  ports: [53, 8081, 10053, 10054, 10055], udpPorts: [53, 10053],
  binaries: [],
  sizeBytes: 32_442_364, pullSeconds: 3,
  exitsOnSigterm: true,
}

/** kindnetd, kube-proxy, etcd, the API server and the other control-plane images: preloaded, any tag kind ships. */
export const system: ImageFamily = {
  repositories: ['docker.io/kindest/kindnetd', 'registry.k8s.io/kube-proxy', 'registry.k8s.io/kube-apiserver', 'registry.k8s.io/kube-controller-manager',
    'registry.k8s.io/kube-scheduler', 'registry.k8s.io/etcd', 'registry.k8s.io/pause', 'docker.io/kindest/local-path-provisioner',
    'docker.io/kindest/local-path-helper'],
  tags: anyTag,
  app: 'generic',
  entrypoint: [], cmd: [], server: ['kindnetd', 'kube-proxy', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'pause', 'local-path-provisioner'],
  ports: [],
  binaries: ['sh'],
  sizeBytes: 30_000_000, pullSeconds: 3,
  exitsOnSigterm: true,
}

const metallbImage = (name: 'controller' | 'speaker', ports: number[]): ImageFamily => ({
  repositories: [`quay.io/metallb/${name}`, `docker.io/metallb/${name}`],
  tags: (t) => /^(v0\.\d{1,2}\.\d{1,2}|main|latest)$/.test(t),
  app: 'generic',
  entrypoint: [`/${name}`], cmd: [], server: [name],
  ports, binaries: [],
  sizeBytes: 28_000_000, pullSeconds: 3,
  exitsOnSigterm: true,
})

/** MetalLB's controller (metrics 7472, webhook 9443) and speaker (metrics 7472, memberlist 7946): distroless Go binaries. */
export const metallbController = metallbImage('controller', [7472, 9443])
export const metallbSpeaker = metallbImage('speaker', [7472, 7946])

/**
 * ingress-nginx's admission Jobs: kube-webhook-certgen makes the webhook's certificate (`create`) or patches the
 * webhook configuration (`patch`), then exits 0, so its Job completes (ingress-nginx images/kube-webhook-certgen).
 */
export const webhookCertgen: ImageFamily = {
  repositories: ['registry.k8s.io/ingress-nginx/kube-webhook-certgen'],
  tags: anyTag,
  app: 'generic',
  entrypoint: ['/kube-webhook-certgen'], cmd: [],
  ports: [],
  binaries: ['kube-webhook-certgen'],
  sizeBytes: 28_000_000, pullSeconds: 3,
  exitsOnSigterm: true,
}
