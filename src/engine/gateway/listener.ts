// The listener of a Gateway that takes connections on a port (HTTP and HTTPS listeners only: the protocols
// cloud-provider-kind programs; the others are not Accepted).
import type { KubeObject } from '../api/types.ts'
import type { Listener } from './types.ts'

export function gatewayListenerOn(gw: KubeObject, port: number): Listener | undefined {
  return ((gw.spec?.listeners ?? []) as Listener[]).find((l) => l.port === port && (l.protocol === 'HTTP' || l.protocol === 'HTTPS'))
}
