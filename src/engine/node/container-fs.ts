// A container's filesystem as `kubectl exec` sees it: the image's files, the files the kubelet writes
// (/etc/hosts, /etc/resolv.conf, /etc/hostname: pkg/kubelet/kubelet_pods.go makeHostsMount, pkg/kubelet/network/dns),
// volumes mounted from ConfigMaps/Secrets/emptyDir/the service account token, and the changes made since start.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { ContainerState } from './runtime.ts'
import { imageBaseName } from './images.ts'
import { isBusyboxImage } from '../images/index.ts'
import { decodeBase64 } from '../util/base64.ts'
import { imageFiles as appImageFiles } from '../apps/registry.ts'
import type { Container, KeyToPath, PodDNSConfigOption, Volume } from 'kubernetes-types/core/v1'
import { getOwn, setOwn } from '../util/own.ts'

/** Marks a directory in ContainerState.files. */
export const DIR = '\u0000dir'

const BASE_DIRS = ['/', '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run',
  '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/sbin', '/usr/share',
  '/var', '/var/cache', '/var/lib', '/var/log', '/var/run', '/var/tmp']

function imageFiles(image: string): Record<string, string> {
  const base = imageBaseName(image)
  // The same files the simulated app serves (apps/registry.ts), so `kubectl exec … cat` and curl agree.
  const served = appImageFiles(image)
  if (served.size) return Object.fromEntries(served)
  if (base === 'httpd') return { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' }
  if (base.startsWith('kubia')) return { '/app.js': "const http = require('http');\nconst os = require('os');\n" }
  return {}
}

/** Whether the image's userland is BusyBox (error messages differ from GNU coreutils). */
export function isBusybox(image: string): boolean {
  return isBusyboxImage(image)
}

export interface FsContext {
  store: ReadonlyStore
  config: ClusterConfig
  pod: KubeObject
  container: Container
  state: ContainerState
  podIP: string
  hostname: string
}

/** The kubelet-managed /etc/hosts (kubelet_pods.go managedHostsFileContent). */
function hostsFile(pod: KubeObject, podIP: string, config: ClusterConfig): string {
  const lines = ['# Kubernetes-managed hosts file.', '127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet', 'fe00::0\tip6-mcastprefix', 'fe00::1\tip6-allnodes', 'fe00::2\tip6-allrouters']
  const ns = pod.metadata.namespace ?? 'default'
  if (pod.spec?.hostname && pod.spec?.subdomain) lines.push(`${podIP}\t${pod.spec.hostname}.${pod.spec.subdomain}.${ns}.svc.${config.clusterDomain}\t${pod.spec.hostname}`)
  else lines.push(`${podIP}\t${pod.spec?.hostname ?? pod.metadata.name}`)
  for (const alias of pod.spec?.hostAliases ?? []) lines.push('', '# Entries added by HostAliases.', `${alias.ip}\t${(alias.hostnames ?? []).join('\t')}`)
  return lines.join('\n') + '\n'
}

/** /etc/resolv.conf for the pod's dnsPolicy (pkg/kubelet/network/dns/dns.go GetPodDNS). */
function resolvConf(pod: KubeObject, config: ClusterConfig): string {
  const ns = pod.metadata.namespace ?? 'default'
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst'
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec?.hostNetwork)
  if (policy === 'None') {
    const c = pod.spec?.dnsConfig ?? {}
    return [...((c.searches ?? []).length ? [`search ${c.searches.join(' ')}`] : []), ...(c.nameservers ?? []).map((n: string) => `nameserver ${n}`),
      ...((c.options ?? []).length ? [`options ${c.options.map((o: PodDNSConfigOption) => (o.value ? `${o.name}:${o.value}` : o.name)).join(' ')}`] : [])].join('\n') + '\n'
  }
  if (!clusterFirst) return 'nameserver 172.18.0.1\noptions ndots:0\n'
  const d = config.clusterDomain
  return `search ${ns}.svc.${d} svc.${d} ${d}\nnameserver ${config.clusterDNS}\noptions ndots:5\n`
}

/** The files a container starts with (image, kubelet-generated, mounted volumes), keyed by absolute path. */
function baseFiles(ctx: FsContext): Map<string, string> {
  const files = new Map<string, string>()
  for (const d of BASE_DIRS) files.set(d, DIR)
  for (const [p, c] of Object.entries(imageFiles(ctx.container.image ?? ''))) files.set(p, c)
  files.set('/etc/hosts', hostsFile(ctx.pod, ctx.podIP, ctx.config))
  files.set('/etc/resolv.conf', resolvConf(ctx.pod, ctx.config))
  files.set('/etc/hostname', `${ctx.hostname}\n`)
  const ns = ctx.pod.metadata.namespace ?? 'default'
  const volumes = new Map<string, Volume>(((ctx.pod.spec?.volumes ?? []) as Volume[]).map((v) => [v.name, v]))
  for (const mount of ctx.container.volumeMounts ?? []) {
    const vol = volumes.get(mount.name)
    if (!vol) continue
    const entries = volumeEntries(ctx.store, ns, vol)
    const root = mount.mountPath.replace(/\/+$/, '') || '/'
    if (mount.subPath) {
      if (entries[mount.subPath] !== undefined) files.set(root, entries[mount.subPath])
      continue
    }
    files.set(root, DIR)
    for (const [rel, content] of Object.entries(entries)) files.set(`${root === '/' ? '' : root}/${rel}`, content)
  }
  for (const path of [...files.keys()]) for (const dir of parents(path)) if (!files.has(dir)) files.set(dir, DIR)
  return files
}

function volumeEntries(store: ReadonlyStore, ns: string, vol: Omit<Volume, 'name'>): Record<string, string> {
  const pick = (data: Record<string, string>, items: KeyToPath[] | undefined) => {
    if (!items?.length) return data
    const out: Record<string, string> = {}
    for (const item of items) if (getOwn(data, String(item.key)) !== undefined) setOwn(out, String(item.path), data[item.key])
    return out
  }
  if (vol.configMap) {
    const cm = store.get('ConfigMap', ns, vol.configMap.name as string)
    return pick({ ...((cm?.data as Record<string, string>) ?? {}) }, vol.configMap.items)
  }
  if (vol.secret) {
    const s = store.get('Secret', ns, vol.secret.secretName as string)
    const data: Record<string, string> = {}
    for (const [k, v] of Object.entries((s?.data as Record<string, string>) ?? {})) setOwn(data, k, decodeBase64(v))
    for (const [k, v] of Object.entries((s?.stringData as Record<string, string>) ?? {})) setOwn(data, k, v)
    return pick(data, vol.secret.items)
  }
  if (vol.projected) {
    const out: Record<string, string> = {}
    for (const src of vol.projected.sources ?? []) {
      if (src.serviceAccountToken) out[src.serviceAccountToken.path ?? 'token'] = 'eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVob3AifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDpkZWZhdWx0In0.c2lnbmF0dXJl'
      if (src.configMap) for (const [k, v] of Object.entries(volumeEntries(store, ns, { configMap: src.configMap }))) setOwn(out, k, v)
      if (src.secret) for (const [k, v] of Object.entries(volumeEntries(store, ns, { secret: { secretName: src.secret.name, items: src.secret.items } }))) setOwn(out, k, v)
      if (src.downwardAPI) for (const item of src.downwardAPI.items ?? []) if (item.fieldRef?.fieldPath === 'metadata.namespace') out[item.path] = ns
    }
    return out
  }
  return {}
}

function parents(path: string): string[] {
  const out: string[] = []
  let p = path
  while (p !== '/' && p.includes('/')) {
    p = p.slice(0, p.lastIndexOf('/')) || '/'
    out.push(p)
  }
  return out
}

/** Normalises a path against cwd `/` (`.`/`..` resolved, trailing slashes dropped). */
export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = []
  for (const seg of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (!seg || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return '/' + parts.join('/')
}

/** A view over base files plus the container's changes (ContainerState.files / removed). */
export class ContainerFs {
  private base: Map<string, string>
  constructor(private readonly ctx: FsContext) {
    this.base = baseFiles(ctx)
  }

  get(path: string): string | undefined {
    if (this.ctx.state.files.has(path)) return this.ctx.state.files.get(path)
    if (this.ctx.state.removed.has(path)) return undefined
    for (const p of parents(path)) if (this.ctx.state.removed.has(p) && !this.ctx.state.files.has(p)) return undefined
    return this.base.get(path)
  }

  isDir(path: string): boolean {
    return this.get(path) === DIR
  }

  exists(path: string): boolean {
    return this.get(path) !== undefined
  }

  write(path: string, content: string): void {
    this.ctx.state.files.set(path, content)
    this.ctx.state.removed.delete(path)
  }

  remove(path: string): void {
    for (const key of [...this.ctx.state.files.keys()]) if (key === path || key.startsWith(path + '/')) this.ctx.state.files.delete(key)
    this.ctx.state.removed.add(path)
  }

  /** Names directly inside a directory, sorted as `ls` sorts them (C locale). */
  list(dir: string): string[] {
    const names = new Set<string>()
    const prefix = dir === '/' ? '/' : dir + '/'
    for (const key of [...this.base.keys(), ...this.ctx.state.files.keys()]) {
      if (key === dir || !key.startsWith(prefix)) continue
      const name = key.slice(prefix.length).split('/')[0]
      if (name && this.exists(prefix + name)) names.add(name)
    }
    return [...names].sort()
  }
}
