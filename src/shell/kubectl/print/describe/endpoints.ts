// `kubectl describe endpoints|endpointslice`. Source: kubectl/pkg/describe/describe.go describeEndpoints,
// describeEndpointSliceV1.
import { describeEvents, eventsFor, printAnnotations, printLabels, type DescribeContext } from './common.ts'
import { tabbed } from './writer.ts'
import type { Stored } from '../../../../engine/api/types.ts'
import type { EndpointAddress, Endpoints } from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'

export function describeEndpoints(ep: Stored<Endpoints>, ctx: DescribeContext): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${ep.metadata.name}\n`)
    w.write(0, `Namespace:\t${ep.metadata.namespace}\n`)
    printLabels(w, 'Labels', ep.metadata.labels)
    printAnnotations(w, 'Annotations', ep.metadata.annotations)
    w.write(0, 'Subsets:\n')
    for (const subset of ep.subsets ?? []) {
      w.write(1, `Addresses:\t${(subset.addresses ?? []).map((a: EndpointAddress) => a.ip).join(',') || '<none>'}\n`)
      w.write(1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a: EndpointAddress) => a.ip).join(',') || '<none>'}\n`)
      if (subset.ports?.length) {
        w.write(1, 'Ports:\n')
        w.write(2, 'Name\tPort\tProtocol\n')
        w.write(2, '----\t----\t--------\n')
        for (const p of subset.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`)
      }
      w.write(0, '\n')
    }
    describeEvents(w, eventsFor(ep, ctx), ctx.now)
  })
}

export function describeEndpointSlice(eps: Stored<EndpointSlice>, ctx: DescribeContext): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${eps.metadata.name}\n`)
    w.write(0, `Namespace:\t${eps.metadata.namespace}\n`)
    printLabels(w, 'Labels', eps.metadata.labels)
    printAnnotations(w, 'Annotations', eps.metadata.annotations)
    w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`)
    if (!eps.ports?.length) {
      w.write(0, 'Ports: <unset>\n')
    } else {
      w.write(0, 'Ports:\n')
      w.write(1, 'Name\tPort\tProtocol\n')
      w.write(1, '----\t----\t--------\n')
      for (const p of eps.ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`)
    }
    if (!eps.endpoints?.length) {
      w.write(0, 'Endpoints: <none>\n')
    } else {
      w.write(0, 'Endpoints:\n')
      for (const ep of eps.endpoints) {
        w.write(1, `- Addresses:\t${(ep.addresses ?? []).join(', ') || '<none>'}\n`)
        w.write(2, 'Conditions:\n')
        w.write(3, `Ready:\t${ep.conditions?.ready == null ? '<unset>' : String(ep.conditions.ready)}\n`)
        w.write(2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`)
        if (ep.targetRef) w.write(2, `TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}\n`)
        w.write(2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`)
        w.write(2, `Zone:\t${ep.zone ?? '<unset>'}\n`)
      }
    }
    describeEvents(w, eventsFor(eps, ctx), ctx.now)
  })
}
