// What an in-cluster HTTP proxy pod (ingress-nginx, APISIX) does once it has chosen a backend Service: it reads the
// Service's ready endpoints from its EndpointSlices, picks one round robin, and opens its own connection from the
// proxy pod straight to that pod (the cluster IP is never used), then passes the answer back on the client's
// connection. Both proxies' trace hops (route, proxy) come from here so they read the same way.
import type { HttpRequest, HttpResponse } from '../apps/http.ts'
import type { TraceBuilder } from '../trace/builder.ts'
import type { NetPod } from './view.ts'
import type { NetworkWorld } from './world.ts'
import type { Addr } from './packet.ts'
import type { AcceptHandler } from './connect.ts'
import { connect, ephemeralPort } from './connect.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'
import type { Endpoint as SliceEndpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'

export type AppAnswer = (server: Parameters<AcceptHandler>[0], req: HttpRequest, peer: Addr, local: Addr, tb: TraceBuilder) => HttpResponse

/** The ready endpoints of a Service port (by number or name); undefined when the Service or the port does not exist. */
function serviceEndpoints(world: NetworkWorld, namespace: string, service: string, port: number | string): Addr[] | undefined {
  const svc = world.view.store.get('Service', namespace, service)
  if (!svc) return undefined
  const sp = ((svc.spec?.ports ?? []) as ServicePort[]).find((p) => (typeof port === 'number' ? p.port === port : p.name === port))
  if (!sp) return undefined
  const out: Addr[] = []
  for (const slice of world.view.store.list('EndpointSlice', namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== service) continue
    const slicePort = ((slice.ports ?? []) as SlicePort[]).find((p) => (p.name ?? '') === (sp.name ?? ''))
    if (!slicePort) continue
    for (const ep of (slice.endpoints ?? []) as SliceEndpoint[]) {
      if (ep.conditions?.ready === false) continue
      for (const ip of ep.addresses ?? []) out.push({ ip, port: slicePort.port as number })
    }
  }
  return out
}

export interface UpstreamPlan {
  /** Who proxies, as the notes name it: `ingress-nginx`, `APISIX`. */
  proxy: string
  namespace: string
  service: string
  port: number | string
  /** The rule that chose the backend, for the route hop. */
  rule: string
  /** The request as the proxy sends it upstream (its own headers added), made once an endpoint is chosen. */
  request: () => HttpRequest
}

export type UpstreamResult =
  | { kind: 'no-backend'; endpoints: Addr[] | undefined }
  | { kind: 'unreachable'; timeout: boolean }
  | { kind: 'answer'; response: HttpResponse }

/** Forwards `plan.request` from `controller` to one ready endpoint of the planned Service and returns what came back. */
export function proxyToEndpoint(world: NetworkWorld, tb: TraceBuilder, controller: NetPod, plan: UpstreamPlan, peer: Addr, local: Addr, appAnswer: AppAnswer): UpstreamResult {
  const endpoints = serviceEndpoints(world, plan.namespace, plan.service, plan.port)
  if (!endpoints?.length) return { kind: 'no-backend', endpoints }
  const rrKey = `ingress-rr/${plan.namespace}/${plan.service}:${plan.port}`
  const n = world.served.get(rrKey) ?? 0
  world.served.set(rrKey, n + 1)
  const target = endpoints[n % endpoints.length]
  const at = `pod/${controller.name}`
  const request = plan.request()
  // The proxy ends the client's connection and opens its own to the pod: the hop shows the packet on both.
  const upSrc: Addr = { ip: controller.ip, port: ephemeralPort(world) }
  tb.hop({ at, component: 'ingress-controller', action: 'route', src: peer, dst: local, srcAfter: upSrc, dstAfter: target, rule: plan.rule,
    note: `${plan.proxy} picks endpoint ${target.ip}:${target.port} of Service ${plan.service} (round robin) and connects to the pod directly, not through the cluster IP.` })
  let answer: HttpResponse | undefined
  const conn = connect(world, tb, { kind: 'pod', pod: controller }, target, 'tcp', undefined, (server, p, l, t) => { answer = appAnswer(server, request, p, l, t) }, upSrc.port)
  if (conn.status !== 'open' || !answer) return { kind: 'unreachable', timeout: conn.status === 'timeout' }
  tb.hop({ at, component: 'ingress-controller', action: 'proxy', src: target, dst: upSrc, srcAfter: local, dstAfter: peer, rule: null,
    note: `${plan.proxy} passes the pod's answer (${answer.status}) back on the client's connection.` })
  return { kind: 'answer', response: answer }
}
