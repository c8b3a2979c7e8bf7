// `kubectl describe ingress|ingressclass`. Source: kubectl/pkg/describe/describe.go describeIngressV1
// (backends resolved through the Service's EndpointSlices), describeIngressClassV1.
import { loadBalancerString } from '../table.ts'
import { describeEvents, eventsFor, printAnnotations, printLabels, type DescribeContext } from './common.ts'
import { formatEndpointSlices, serviceSlices } from './service.ts'
import { tabbed } from './writer.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { IngressBackend } from 'kubernetes-types/networking/v1'

function describeBackend(namespace: string | undefined, backend: IngressBackend | undefined, ctx: DescribeContext): string {
  if (backend?.service) {
    const sb = backend.service
    const port = sb.port?.number ? String(sb.port.number) : (sb.port?.name ?? '')
    const label = `${sb.name}:${port}`
    const svc = ctx.store.get('Service', namespace, sb.name)
    if (!svc) return `${label} (<error: services "${sb.name}" not found>)`
    let portName = ''
    for (const sp of svc.spec?.ports ?? []) {
      if ((sb.port?.number && sb.port.number === sp.port) || (sb.port?.name && sb.port.name === sp.name)) portName = sp.name ?? ''
    }
    return `${label} (${formatEndpointSlices(serviceSlices(svc, ctx), portName)})`
  }
  if (backend?.resource) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`
  }
  return ''
}

export function describeIngress(ing: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    const spec = ing.spec ?? {}
    const ns = ing.metadata.namespace
    w.write(0, `Name:\t${ing.metadata.name}\n`)
    printLabels(w, 'Labels', ing.metadata.labels)
    w.write(0, `Namespace:\t${ns}\n`)
    w.write(0, `Address:\t${loadBalancerString(ing.status?.loadBalancer?.ingress, true)}\n`)
    w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`)
    const def = spec.defaultBackend ? describeBackend(ns, spec.defaultBackend, ctx) : '<default>'
    w.write(0, `Default backend:\t${def}\n`)
    if (spec.tls?.length) {
      w.write(0, 'TLS:\n')
      for (const t of spec.tls) w.write(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`)
    }
    w.write(0, 'Rules:\n  Host\tPath\tBackends\n')
    w.write(1, '----\t----\t--------\n')
    let count = 0
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue
      count++
      w.write(1, `${rule.host || '*'}\t\n`)
      for (const path of rule.http.paths ?? []) w.write(2, `\t${path.path ?? ''} \t${describeBackend(ns, path.backend, ctx)}\n`)
    }
    if (!count) w.write(1, `*\t*\t${def}\n`)
    printAnnotations(w, 'Annotations', ing.metadata.annotations)
    describeEvents(w, eventsFor(ing, ctx), ctx.now)
  })
}

export function describeIngressClass(ic: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${ic.metadata.name}\n`)
    printLabels(w, 'Labels', ic.metadata.labels)
    printAnnotations(w, 'Annotations', ic.metadata.annotations)
    w.write(0, `Controller:\t${ic.spec?.controller ?? ''}\n`)
    const p = ic.spec?.parameters
    if (p) {
      w.write(0, 'Parameters:\n')
      if (p.apiGroup) w.write(1, `APIGroup:\t${p.apiGroup}\n`)
      w.write(1, `Kind:\t${p.kind}\n`)
      w.write(1, `Name:\t${p.name}\n`)
    }
    describeEvents(w, eventsFor(ic, ctx), ctx.now)
  })
}
