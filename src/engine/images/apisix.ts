// Apache APISIX as its Helm chart (apisix 0.11.2, Nov 2022) runs it: the gateway (apache/apisix, OpenResty: proxy
// 9080, TLS 9443, Admin API 9180, control API 9090), its etcd (bitnami/etcd, client 2379, peer 2380) and the
// ingress controller (apache/apisix-ingress-controller, HTTP 8080 for /healthz and metrics, webhook 8443).
// Upstream: apache/apisix-helm-chart charts/apisix/values.yaml and charts/apisix-ingress-controller/values.yaml at
// 0.11.2; sizes are the compressed linux/amd64 sizes Docker Hub lists for those tags (rounded to the kilobyte).
import type { ImageFamily } from './types.ts'
import { BUSYBOX_APPLETS, DEBIAN_BASE } from './types.ts'

export const apisix: ImageFamily = {
  repositories: ['docker.io/apache/apisix'],
  tags: (t) => /^(2\.1[0-5]\.\d|3\.\d{1,2}\.\d)(-alpine|-debian|-centos)?$|^latest$/.test(t),
  app: 'apisix',
  entrypoint: ['/docker-entrypoint.sh'], cmd: ['docker-start'], server: ['docker-start', 'openresty', 'apisix'],
  ports: [9080, 9443, 9180, 9090],
  // The -alpine tags carry BusyBox and curl (the image installs it for its health checks).
  binaries: [...BUSYBOX_APPLETS, 'curl', 'openresty', 'apisix', 'docker-start'], busybox: true,
  sizeBytes: 95_421_000, pullSeconds: 8,
  startLog: () => ['/usr/local/openresty/nginx/sbin/nginx -p /usr/local/apisix -c /usr/local/apisix/conf/nginx.conf'],
  exitsOnSigterm: true,
}

export const apisixEtcd: ImageFamily = {
  repositories: ['docker.io/bitnami/etcd'],
  tags: (t) => /^3\.\d\.\d{1,2}(-debian-1[12]-r\d{1,3})?$|^latest$/.test(t),
  app: 'generic',
  entrypoint: ['/opt/bitnami/scripts/etcd/entrypoint.sh'], cmd: ['/opt/bitnami/scripts/etcd/run.sh'], server: ['entrypoint.sh', 'run.sh', 'etcd'],
  ports: [2379, 2380],
  binaries: [...DEBIAN_BASE, 'etcd', 'etcdctl'],
  sizeBytes: 56_870_000, pullSeconds: 5,
  exitsOnSigterm: true,
}

export const apisixIngressController: ImageFamily = {
  repositories: ['docker.io/apache/apisix-ingress-controller'],
  tags: (t) => /^1\.\d\.\d$|^latest$/.test(t),
  app: 'generic',
  entrypoint: ['/ingress-apisix/apisix-ingress-controller'], cmd: [], server: ['apisix-ingress-controller'],
  ports: [8080, 8443],
  binaries: [],
  sizeBytes: 24_310_000, pullSeconds: 3,
  exitsOnSigterm: true,
}
