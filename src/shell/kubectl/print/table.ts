// The server-side table model kubectl prints: columns with a priority (wide-only or not) and one row per object.
// Source: pkg/printers/internalversion/printers.go (column definitions) and kubectl's table printer (headers
// upper-cased, priority>0 columns only with -o wide).
import type { KubeObject } from '../../../engine/api/types.ts'
import type { ReadonlyStore } from '../../../engine/api/store.ts'
import { since } from './duration.ts'

/** What printers may look at besides the object: the store (for related objects) and the clock. */
export interface PrintContext {
  store: ReadonlyStore
  /** Simulated seconds since the epoch. */
  now: number
  wide: boolean
}

/** A column of one kind's table; `T` is that kind's stored shape (a method, so any kind's column fits a table). */
export interface Column<T extends KubeObject = KubeObject> {
  header: string
  /** Priority 1 in upstream terms: shown only with `-o wide`. */
  wide?: boolean
  cell(obj: T, ctx: PrintContext): string
}

export type TableSpec<T extends KubeObject = KubeObject> = Column<T>[]

export const nameColumn: Column = { header: 'NAME', cell: (o: KubeObject) => o.metadata.name }
export const ageColumn: Column = { header: 'AGE', cell: (o: KubeObject, ctx) => since(o.metadata.creationTimestamp, ctx.now) }

/** The columns shown for the given width. */
export function visibleColumns(spec: TableSpec, wide: boolean): Column[] {
  return spec.filter((c) => wide || !c.wide)
}

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(containers: { name?: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? []
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')]
}

/** net.JoinHostPort: brackets around IPv6 hosts. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** `a,b,c + N more...` as upstream's list formatters build it (at most three shown). */
export function listWithMore(list: string[], more: boolean, count: number, max = 3): string {
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

/** The load-balancer status stringer: sorted unique IPs/hostnames, clipped to 16 bytes unless wide. */
export function loadBalancerString(ingress: { ip?: string; hostname?: string }[] | undefined, wide: boolean): string {
  const set = new Set<string>()
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  const r = [...set].sort().join(',')
  return !wide && r.length > 16 ? r.slice(0, 13) + '...' : r
}
