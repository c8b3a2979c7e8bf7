// Images people run to debug a cluster's network: curlimages/curl (Alpine, ENTRYPOINT curl), nicolaka/netshoot
// (CMD zsh: exits at once without a terminal), tutum/dnsutils (Ubuntu with dig/nslookup, CMD bash), the e2e
// jessie-dnsutils of the DNS debugging guide, and ansilh/debug-tools (Alpine with the network tools, kept alive).
import type { ImageFamily } from './types.ts'
import { BUSYBOX_APPLETS, DEBIAN_BASE, tagSet } from './types.ts'

const NET = ['curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'telnet', 'traceroute', 'ip', 'ifconfig', 'netstat', 'ss', 'ps']

export const curl: ImageFamily = {
  repositories: ['docker.io/curlimages/curl'],
  tags: (t) => /^(latest|8\.\d{1,2}\.\d)$/.test(t),
  app: 'tool',
  // docker-entrypoint: with no arguments it runs `curl`, which prints its usage hint and exits 2.
  entrypoint: ['/entrypoint.sh'], cmd: ['curl'],
  ports: [],
  binaries: [...BUSYBOX_APPLETS, 'curl'], busybox: true,
  sizeBytes: 9_928_143, pullSeconds: 2.5,
  exitsOnSigterm: false,
}

export const netshoot: ImageFamily = {
  repositories: ['docker.io/nicolaka/netshoot'],
  tags: (t) => /^(latest|v0\.\d{1,2})$/.test(t),
  app: 'tool',
  entrypoint: [], cmd: ['zsh'],
  ports: [],
  binaries: [...BUSYBOX_APPLETS, ...NET, 'bash', 'zsh', 'tcpdump', 'iperf3', 'iptables', 'nmap', 'mtr', 'drill', 'socat'], busybox: true,
  sizeBytes: 207_554_124, pullSeconds: 11,
  exitsOnSigterm: false,
}

export const dnsutils: ImageFamily = {
  repositories: ['docker.io/tutum/dnsutils', 'registry.k8s.io/e2e-test-images/jessie-dnsutils', 'gcr.io/kubernetes-e2e-test-images/dnsutils'],
  tags: (t) => /^(latest|1\.[0-9])$/.test(t),
  app: 'tool',
  entrypoint: [], cmd: ['bash'],
  ports: [],
  binaries: [...DEBIAN_BASE, 'dig', 'nslookup', 'host', 'ping', 'wget', 'curl', 'ps', 'nc'],
  sizeBytes: 76_913_410, pullSeconds: 5,
  exitsOnSigterm: false,
}

export const debugTools: ImageFamily = {
  repositories: ['docker.io/ansilh/debug-tools'],
  tags: tagSet('latest'),
  app: 'tool',
  // Its CMD keeps the container up so people can `kubectl exec` into it.
  entrypoint: [], cmd: ['tail', '-f', '/dev/null'], server: ['tail'],
  ports: [],
  binaries: [...BUSYBOX_APPLETS, ...NET, 'bash'], busybox: true,
  sizeBytes: 23_514_112, pullSeconds: 3,
  exitsOnSigterm: false,
}
