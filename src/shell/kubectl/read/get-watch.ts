// `kubectl get TYPE [NAME] -w|--watch|--watch-only [--output-watch-events]`: the list as usual (unless
// --watch-only), then one row per change the API server's watch sends, laid out by a tabwriter that remembers its
// column widths and never prints the header again. Source: kubectl/pkg/cmd/get/get.go (watch): one resource type
// only, no synthetic ADDED event for a watch started from a list. The end rule is read/follow.ts's; started with
// `&`, the watch lasts the session and prints each change as it happens, during whichever command causes it.
import type { KubeObject } from '../../../engine/api/types.ts'
import type { Change } from '../../../engine/api/store.ts'
import type { KubectlContext } from '../context.ts'
import type { ResourceRequest } from './resource-args.ts'
import { resourceTableCells, resourcePrefix } from '../print/resource-table.ts'
import { RememberingTable } from '../print/tabwriter.ts'
import { INTERRUPTED, followClock } from './follow.ts'

export interface WatchOptions {
  request: ResourceRequest
  /** The namespace watched; undefined for all namespaces or a cluster-scoped kind. */
  namespace: string | undefined
  /** Whether an object belongs to the watch (labels, fields, names). */
  selects(obj: KubeObject): boolean
  initial: KubeObject[]
  watchOnly: boolean
  events: boolean
  wide: boolean
  noHeaders: boolean
  allNamespaces: boolean
  showLabels: boolean
  labelColumns: string[]
  /** Non-table output (-o name|json|yaml|jsonpath|custom-columns): prints one object. */
  printOne?: (obj: KubeObject) => string
  timeout?: number
}

const EVENT_TYPE: Record<Change['type'], string> = { added: 'ADDED', modified: 'MODIFIED', deleted: 'DELETED' }

export function watchResources(ctx: KubectlContext, opts: WatchOptions): number {
  const { cluster } = ctx
  const kind = opts.request.info.kind
  const table = new RememberingTable()
  let headerShown = opts.noHeaders
  let printed = 0
  // Started with `&`, the watch goes on after the command returns: later rows reach the terminal as they happen.
  let out = (text: string) => ctx.io.out(text)
  const print = (obj: KubeObject, event: string) => {
    printed++
    if (opts.printOne) {
      out(opts.printOne(obj))
      return
    }
    const { headers, rows } = resourceTableCells(kind, [obj], {
      wide: opts.wide, withNamespace: opts.allNamespaces && opts.request.info.namespaced, showKind: false,
      showLabels: opts.showLabels, labelColumns: opts.labelColumns,
    }, { store: cluster.store, now: cluster.clock.now(), wide: opts.wide })
    const lines = rows.map((r) => (opts.events ? [event, ...r] : r))
    if (!headerShown) lines.unshift(opts.events ? ['EVENT', ...headers] : headers)
    headerShown = true
    out(table.block(lines))
  }
  if (!opts.watchOnly) {
    if (opts.printOne) for (const obj of opts.initial) print(obj, 'ADDED')
    else if (opts.initial.length) {
      // The list is one flushed block: the header and its rows line up together.
      const { headers, rows } = resourceTableCells(kind, opts.initial, {
        wide: opts.wide, withNamespace: opts.allNamespaces && opts.request.info.namespaced, showKind: false,
        showLabels: opts.showLabels, labelColumns: opts.labelColumns,
      }, { store: cluster.store, now: cluster.clock.now(), wide: opts.wide })
      const lines = rows.map((r) => (opts.events ? ['ADDED', ...r] : r))
      if (!opts.noHeaders) lines.unshift(opts.events ? ['EVENT', ...headers] : headers)
      headerShown = true
      printed++
      ctx.io.out(table.block(lines))
    }
  }
  const unsubscribe = cluster.store.subscribe((change) => {
    const obj = change.object
    if (obj.kind !== kind) return
    if (opts.namespace !== undefined && obj.metadata.namespace !== opts.namespace) return
    if (!opts.selects(obj) && !(change.previous && opts.selects(change.previous))) return
    print(obj, EVENT_TYPE[change.type])
  })
  const host = ctx.host
  if (ctx.io.detached && host.background) {
    out = (text) => host.background?.('stdout', text)
    return 0
  }
  try {
    return followClock(cluster, () => printed, opts.timeout) === 'timeout' ? 0 : INTERRUPTED
  } finally {
    unsubscribe()
  }
}

/** `-o name` for one object, as the watch prints it. */
export function nameLine(obj: KubeObject): string {
  return `${resourcePrefix(obj.kind)}/${obj.metadata.name}\n`
}
