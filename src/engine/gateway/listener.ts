// The listener of a Gateway that takes connections on a port (HTTP and HTTPS listeners only: the protocols
// cloud-provider-kind programs; the others are not Accepted).
import type { KubeObject } from '../api/types.ts'
import type { Listener } from './types.ts'

export function gatewayListenerOn(gw: KubeObject, port: number): Listener | undefined {
  return ((gw.spec?.listeners ?? []) as Listener[]).find((l) => l.port === port && (l.protocol === 'HTTP' || l.protocol === 'HTTPS'))
}

/** `listener http (HTTP 80)`, or every listener sharing the port (one envoy listener serves them all). */
export function listenersLabel(gw: KubeObject, port: number): string {
  const on = ((gw.spec?.listeners ?? []) as Listener[]).filter((l) => l.port === port && (l.protocol === 'HTTP' || l.protocol === 'HTTPS'))
  return `${on.length > 1 ? 'listeners' : 'listener'} ${on.map((l) => l.name).join(', ')} (${on[0]?.protocol ?? 'HTTP'} ${port})`
}
