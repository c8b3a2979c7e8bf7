// `kubectl get ingress|ingressclasses`. Source: printers.go printIngress (formatHosts, formatPorts), printIngressClass.
import type { TableSpec } from '../table.ts'
import { ageColumn, loadBalancerString, nameColumn } from '../table.ts'
import type { IngressRule } from 'kubernetes-types/networking/v1'

function formatHosts(rules: IngressRule[] | undefined): string {
  const list: string[] = []
  let more = false
  for (const rule of rules ?? []) {
    if (list.length === 3) more = true
    if (!more && rule.host) list.push(rule.host)
  }
  if (!list.length) return '*'
  return more ? `${list.join(',')} + ${(rules ?? []).length - 3} more...` : list.join(',')
}

export const INGRESS_TABLE: TableSpec = [
  nameColumn,
  { header: 'CLASS', cell: (i) => i.spec?.ingressClassName ?? '<none>' },
  { header: 'HOSTS', cell: (i) => formatHosts(i.spec?.rules) },
  { header: 'ADDRESS', cell: (i, ctx) => loadBalancerString(i.status?.loadBalancer?.ingress, ctx.wide) },
  { header: 'PORTS', cell: (i) => ((i.spec?.tls ?? []).length ? '80, 443' : '80') },
  ageColumn,
]

export const INGRESS_CLASS_TABLE: TableSpec = [
  nameColumn,
  { header: 'CONTROLLER', cell: (c) => c.spec?.controller ?? '' },
  {
    header: 'PARAMETERS',
    cell: (c) => {
      const p = c.spec?.parameters
      if (!p) return '<none>'
      return `${p.kind}${p.apiGroup ? '.' + p.apiGroup : ''}/${p.name}`
    },
  },
  ageColumn,
]
