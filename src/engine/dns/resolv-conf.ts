// /etc/resolv.conf as the kubelet writes it for a pod (pkg/kubelet/network/dns/dns.go: dnsPolicy ClusterFirst,
// ClusterFirstWithHostNet, Default, None, plus dnsConfig), and the stub resolver's search-list expansion.
import type { PodDNSConfigOption, PodSpec } from 'kubernetes-types/core/v1'

export interface ResolvConf {
  nameservers: string[]
  search: string[]
  ndots: number
}

/** The node's own resolv.conf: kind/minikube nodes resolve through docker's embedded DNS. */
export function nodeResolvConf(gateway: string): ResolvConf {
  return { nameservers: [gateway], search: [], ndots: 1 }
}

/**
 * The pod's resolv.conf: ClusterFirst (the default) points at the kube-dns Service with the search path
 * `<ns>.svc.<domain> svc.<domain> <domain>` and `ndots:5`; hostNetwork pods with ClusterFirst and pods with
 * dnsPolicy Default get the node's file; dnsConfig adds nameservers, searches and options.
 */
export function podResolvConf(pod: { metadata: { namespace?: string }; spec?: Partial<PodSpec> }, clusterDNS: string, clusterDomain: string, node: ResolvConf): ResolvConf {
  const ns = pod.metadata.namespace ?? 'default'
  const policy: string = pod.spec?.dnsPolicy ?? 'ClusterFirst'
  const hostNet = !!pod.spec?.hostNetwork
  let base: ResolvConf
  if (policy === 'None') base = { nameservers: [], search: [], ndots: 1 }
  else if (policy === 'Default' || (policy === 'ClusterFirst' && hostNet)) base = { ...node }
  else base = { nameservers: [clusterDNS], search: [`${ns}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain, ...node.search], ndots: 5 }
  const cfg = pod.spec?.dnsConfig
  if (cfg) {
    base = {
      nameservers: [...base.nameservers, ...(cfg.nameservers ?? [])].slice(0, 3),
      search: [...base.search, ...(cfg.searches ?? [])],
      ndots: Number((cfg.options ?? []).find((o: PodDNSConfigOption) => o.name === 'ndots')?.value ?? base.ndots),
    }
  }
  return base
}

export function renderResolvConf(rc: ResolvConf): string {
  const lines: string[] = []
  if (rc.search.length) lines.push(`search ${rc.search.join(' ')}`)
  for (const ns of rc.nameservers) lines.push(`nameserver ${ns}`)
  if (rc.ndots !== 1) lines.push(`options ndots:${rc.ndots}`)
  return lines.join('\n') + '\n'
}

/**
 * The names a stub resolver (glibc res_search) tries, in order: with fewer dots than ndots the search
 * domains first, then the name itself; otherwise the name first. A trailing dot means "only this name".
 */
export function searchCandidates(name: string, rc: ResolvConf): string[] {
  if (name.endsWith('.')) return [name]
  const dots = name.split('.').length - 1
  const searched = rc.search.map((s) => `${name}.${s}.`)
  return dots >= rc.ndots ? [`${name}.`, ...searched] : [...searched, `${name}.`]
}
