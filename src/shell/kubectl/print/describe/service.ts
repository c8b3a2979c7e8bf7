// `kubectl describe service` (Endpoints from the Service's EndpointSlices, ready ones only, since kubectl 1.31).
// Source: kubectl/pkg/describe/describe.go describeService, formatEndpointSlices, buildIngressString.
import { formatLabels } from '../../../../engine/api/labels.ts'
import { joinHostPort } from '../table.ts'
import { describeEvents, eventsFor, printAnnotations, printLabels, type DescribeContext } from './common.ts'
import { tabbed } from './writer.ts'
import type { KubeObject, Stored } from '../../../../engine/api/types.ts'
import type { LoadBalancerIngress } from 'kubernetes-types/core/v1'
import type { Endpoint as SliceEndpoint, EndpointPort as SlicePort, EndpointSlice } from 'kubernetes-types/discovery/v1'

/** formatEndpointSlices for one service port name. */
export function formatEndpointSlices(slices: { ports?: SlicePort[]; endpoints?: SliceEndpoint[] }[], portName: string): string {
  if (!slices.length) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  const ready = (ep: SliceEndpoint) => ep.conditions?.ready == null || ep.conditions.ready === true
  for (const slice of slices) {
    if (!(slice.ports ?? []).length) {
      for (const ep of slice.endpoints ?? []) {
        if (list.length === max) more = true
        if (!ready(ep)) continue
        if (!more) list.push(ep.addresses[0])
        count++
      }
      continue
    }
    for (const port of slice.ports!) {
      if ((port.name ?? '') !== portName) continue
      for (const ep of slice.endpoints ?? []) {
        if (list.length === max) more = true
        if (!ready(ep)) continue
        if (!more) list.push(joinHostPort(ep.addresses[0], port.port as number))
        count++
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

export function serviceSlices(svc: KubeObject, ctx: DescribeContext): Stored<EndpointSlice>[] {
  return (ctx.store.list('EndpointSlice', svc.metadata.namespace) as Stored<EndpointSlice>[]).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
}

export function describeService(svc: KubeObject, ctx: DescribeContext): string {
  const slices = serviceSlices(svc, ctx)
  return tabbed((w) => {
    const spec = svc.spec ?? {}
    w.write(0, `Name:\t${svc.metadata.name}\n`)
    w.write(0, `Namespace:\t${svc.metadata.namespace}\n`)
    printLabels(w, 'Labels', svc.metadata.labels)
    printAnnotations(w, 'Annotations', svc.metadata.annotations)
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`)
    w.write(0, `Type:\t${spec.type ?? ''}\n`)
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
    w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`)
    w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`)
    w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`)
    if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
    if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
    if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`)
    const ingress: LoadBalancerIngress[] = svc.status?.loadBalancer?.ingress ?? []
    if (ingress.length) {
      w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : i.hostname ?? '')).join(', ')}\n`)
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>'
      const protocol = sp.protocol ?? 'TCP'
      w.write(0, `Port:\t${name}\t${sp.port}/${protocol}\n`)
      w.write(0, `TargetPort:\t${sp.targetPort ?? sp.port}/${protocol}\n`)
      if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`)
      w.write(0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`)
    }
    w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
    if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
    if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
    if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
    if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`)
    describeEvents(w, eventsFor(svc, ctx), ctx.now)
  })
}
