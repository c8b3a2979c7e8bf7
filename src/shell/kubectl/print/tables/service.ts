// `kubectl get services`. Source: printers.go printService, getServiceExternalIP, makePortString.
import type { TableSpec } from '../table.ts'
import { ageColumn, loadBalancerString, nameColumn } from '../table.ts'
import { formatLabels } from '../../../../engine/api/labels.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'

function serviceExternalIP(svc: KubeObject, wide: boolean): string {
  const spec = svc.spec ?? {}
  const externalIPs: string[] = spec.externalIPs ?? []
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const lb = loadBalancerString(svc.status?.loadBalancer?.ingress, wide)
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',')
      return lb || '<pending>'
    }
    case 'ExternalName':
      return spec.externalName ?? ''
  }
  return '<unknown>'
}

/** `80:30123/TCP,443/TCP` */
function servicePorts(ports: ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => ((p.nodePort ?? 0) > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',')
}

export const SERVICE_TABLE: TableSpec = [
  nameColumn,
  { header: 'TYPE', cell: (s) => s.spec?.type ?? '' },
  { header: 'CLUSTER-IP', cell: (s) => s.spec?.clusterIPs?.[0] ?? '<none>' },
  { header: 'EXTERNAL-IP', cell: (s, ctx) => serviceExternalIP(s, ctx.wide) },
  { header: 'PORT(S)', cell: (s) => servicePorts(s.spec?.ports) || '<none>' },
  ageColumn,
  { header: 'SELECTOR', wide: true, cell: (s) => formatLabels(s.spec?.selector) },
]
