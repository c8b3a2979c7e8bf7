// ip and ifconfig in pods, as kindnet's CNI (ptp + host-local, 10-kindnet.conflist) leaves a pod's namespace: eth0
// with the pod IP and its node's /24, its veth peer's index on the node, `default via` the node's .1, the /24 via .1
// and .1 on-link; BusyBox's applets in busybox, iproute2 6.x in netshoot; a hostNetwork pod sees the node.
import { describe, expect, it } from 'vitest'
import { ShellSession } from '../session.ts'
import { inPod, run } from './test-helpers.ts'

const HOSTNET = `apiVersion: v1
kind: Pod
metadata:
  name: hn
spec:
  hostNetwork: true
  nodeName: kind-worker
  containers:
  - name: hn
    image: nicolaka/netshoot
    command: ["sleep", "infinity"]
`
const KIND = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n'

describe('ip and ifconfig in pods', () => {
  const s = new ShellSession({ seed: 7, readFile: (p) => (p === 'hn.yaml' ? HOSTNET : p === 'kind.yaml' ? KIND : undefined) })
  run(s, `kind create cluster --config kind.yaml
kubectl run bb --image=busybox --overrides='{"spec":{"nodeName":"kind-worker"}}' -- sleep 3600
kubectl run ns --image=nicolaka/netshoot --overrides='{"spec":{"nodeName":"kind-worker"}}' -- sleep 3600
kubectl apply -f hn.yaml
kubectl wait --for=condition=Ready pod --all --timeout=120s`)
  const ipOf = (pod: string) => run(s, `kubectl get pod ${pod} -o jsonpath='{.status.podIP}'`).last.chunks.map((c) => c.text).join('')
  const bbIP = ipOf('bb'), nsIP = ipOf('ns')
  const last = (ip: string) => Number(ip.split('.')[3])

  it('the pods are on kind-worker, whose podCIDR is 10.244.1.0/24', () => {
    expect(bbIP).toMatch(/^10\.244\.1\.\d+$/)
    expect(nsIP).toMatch(/^10\.244\.1\.\d+$/)
  })

  it('BusyBox ip addr: no group, qlen from the ioctl, the peer index not found here (`@ifN`, M-DOWN)', () => {
    const out = inPod(s, 'bb', ['ip', 'addr'], 'bb').out
    const mac = /link\/ether ([0-9a-f:]{17}) /.exec(out)![1]
    expect(out).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n' +
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
      '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
      '    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n' +
      `2: eth0@if${last(bbIP) + 1}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP qlen 1000\n` +
      `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n` +
      `    inet ${bbIP}/24 brd 10.244.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n` +
      `    inet6 ${linkLocal(mac)}/64 scope link \n       valid_lft forever preferred_lft forever\n`)
    // A locally administered unicast address, the same in every look at the pod.
    expect(parseInt(mac.slice(0, 2), 16) & 3).toBe(2)
    expect(inPod(s, 'bb', ['ip', 'a'], 'bb').out).toBe(out)
  })

  it('BusyBox ip route: ptp\'s three routes, with BusyBox\'s double space before src', () => {
    expect(inPod(s, 'bb', ['ip', 'route'], 'bb').out).toBe(
      'default via 10.244.1.1 dev eth0 \n' +
      `10.244.1.0/24 via 10.244.1.1 dev eth0  src ${bbIP} \n` +
      `10.244.1.1 dev eth0 scope link  src ${bbIP} \n`)
  })

  it('iproute2 in netshoot: group default, link-netnsid 0, proto kernel_lo/kernel_ll; ip -br a; ip r', () => {
    const out = inPod(s, 'ns', ['ip', 'a'], 'ns').out
    const mac = /link\/ether ([0-9a-f:]{17}) /.exec(out)![1]
    expect(out).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n' +
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
      '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
      '    inet6 ::1/128 scope host proto kernel_lo \n       valid_lft forever preferred_lft forever\n' +
      `2: eth0@if${last(nsIP) + 1}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n` +
      `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n` +
      `    inet ${nsIP}/24 brd 10.244.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n` +
      `    inet6 ${linkLocal(mac)}/64 scope link proto kernel_ll \n       valid_lft forever preferred_lft forever\n`)
    expect(inPod(s, 'ns', ['ip', '-br', 'a'], 'ns').out).toBe(
      'lo               UNKNOWN        127.0.0.1/8 ::1/128 \n' +
      `${`eth0@if${last(nsIP) + 1}`.padEnd(16)} UP             ${nsIP}/24 ${linkLocal(mac)}/64 \n`)
    expect(inPod(s, 'ns', ['ip', 'r'], 'ns').out).toBe(
      'default via 10.244.1.1 dev eth0 \n' +
      `10.244.1.0/24 via 10.244.1.1 dev eth0 src ${nsIP} \n` +
      `10.244.1.1 dev eth0 scope link src ${nsIP} \n`)
    expect(inPod(s, 'ns', ['ip', '-4', 'addr', 'show', 'dev', 'eth0'], 'ns').out).toBe(
      `2: eth0@if${last(nsIP) + 1}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n` +
      `    inet ${nsIP}/24 brd 10.244.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n`)
  })

  it('a device that does not exist: each ip\'s own error, status 1', () => {
    expect(inPod(s, 'ns', ['ip', 'a', 'show', 'eth1'], 'ns')).toMatchObject({ err: 'Device "eth1" does not exist.\n', code: 1 })
    expect(inPod(s, 'bb', ['ip', 'a', 'show', 'eth1'], 'bb')).toMatchObject({ err: "ip: can't find device 'eth1'\n", code: 1 })
  })

  it('BusyBox ifconfig: interfaces by name (eth0, lo), upper-case HWaddr, Bcast and Mask', () => {
    const mac = /link\/ether ([0-9a-f:]{17}) /.exec(inPod(s, 'bb', ['ip', 'link'], 'bb').out)![1]
    const out = inPod(s, 'bb', ['ifconfig'], 'bb').out
    expect(out.split('\n').slice(0, 4)).toEqual([
      `eth0      Link encap:Ethernet  HWaddr ${mac.toUpperCase()}  `,
      `          inet addr:${bbIP}  Bcast:10.244.1.255  Mask:255.255.255.0`,
      `          inet6 addr: ${linkLocal(mac)}/64 Scope:Link`,
      '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1',
    ])
    expect(out).toContain('\nlo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          inet6 addr: ::1/128 Scope:Host\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n')
  })

  it('BusyBox netstat -rn: the same routes from /proc/net/route', () => {
    expect(inPod(s, 'bb', ['netstat', '-rn'], 'bb').out).toBe('Kernel IP routing table\n' +
      'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n' +
      '0.0.0.0         10.244.1.1      0.0.0.0         UG        0 0          0 eth0\n' +
      '10.244.1.0      10.244.1.1      255.255.255.0   UG        0 0          0 eth0\n' +
      '10.244.1.1      0.0.0.0         255.255.255.255 UH        0 0          0 eth0\n')
  })

  it('a hostNetwork pod sees its node: eth0 on the docker network, a veth per local pod at the index its pod names', () => {
    const out = inPod(s, 'hn', ['ip', 'a'], 'hn').out
    expect(out).toContain('    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0\n')
    for (const ip of [bbIP, nsIP]) {
      expect(out).toMatch(new RegExp(`\\n${last(ip) + 1}: veth[0-9a-f]{8}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\\n`))
    }
    expect(out).toContain('    inet 10.244.1.1/32 scope global veth')
    const routes = inPod(s, 'hn', ['ip', 'r'], 'hn').out.split('\n')
    expect(routes[0]).toBe('default via 172.18.0.1 dev eth0 ')
    expect(routes).toContain('10.244.0.0/24 via 172.18.0.2 dev eth0 ')
    expect(routes).toContain(`${bbIP} dev ${/\d+: (veth[0-9a-f]{8})@if2/.exec(out.slice(out.indexOf(`\n${last(bbIP) + 1}: veth`)))![1]} scope host `)
    expect(routes).toContain('172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.3 ')
  })

  it('the hostNetwork pod\'s sockets are the node\'s known listeners, dual-stack Go servers without an owner here', () => {
    expect(inPod(s, 'hn', ['ss', '-tlnp'], 'hn').out).toBe(
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
      'LISTEN 0      4096               *:10250            *:*          \n' +
      'LISTEN 0      4096               *:10256            *:*          \n')
  })
})

/** The EUI-64 link-local address the kernel derives from a MAC, written as inet_ntop does. */
function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16))
  const groups = [((b[0] ^ 2) << 8) | b[1], (b[2] << 8) | 0xff, 0xfe00 | b[3], (b[4] << 8) | b[5]]
  return `fe80::${groups.map((g) => g.toString(16)).join(':')}`
}
