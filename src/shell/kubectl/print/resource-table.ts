// One kind's table as `kubectl get` prints it: the kind's columns plus NAMESPACE (-A), `kind/` name prefixes
// (several types at once), -L label columns and LABELS (--show-labels). Source: kubectl's table printer
// (cli-runtime/pkg/printers/tableprinter.go decorateTable, formatLabelHeaders).
import type { KubeObject } from '../../../engine/api/types.ts'
import { formatLabels } from '../../../engine/api/labels.ts'
import { kindInfo, groupOf } from '../../../engine/api/kinds.ts'
import type { PrintContext } from './table.ts'
import { visibleColumns } from './table.ts'
import { tableFor } from './tables/index.ts'
import { tabulate } from './tabwriter.ts'

export interface TableOptions {
  wide: boolean
  noHeaders: boolean
  /** -A on a namespaced kind. */
  withNamespace: boolean
  showKind: boolean
  showLabels: boolean
  labelColumns: string[]
}

/** `pod`, `service`, `deployment.apps`, `ingress.networking.k8s.io`: the prefix of `-o name` and multi-kind tables. */
export function resourcePrefix(kind: string): string {
  const info = kindInfo(kind)
  const group = info ? groupOf(info.apiVersion) : ''
  return kind.toLowerCase() + (group ? `.${group}` : '')
}

export function renderResourceTable(kind: string, objects: KubeObject[], opts: TableOptions, ctx: PrintContext): string {
  const { headers, rows } = resourceTableCells(kind, objects, opts, ctx)
  const lines = opts.noHeaders ? rows : [headers, ...rows]
  return tabulate(lines.map((cells) => cells.join('\t') + '\n').join(''))
}

/** The header and rows of one kind's table, cell by cell (a watch lays each row out on its own). */
export function resourceTableCells(kind: string, objects: KubeObject[], opts: Omit<TableOptions, 'noHeaders'>, ctx: PrintContext): { headers: string[]; rows: string[][] } {
  const columns = visibleColumns(tableFor(kind), opts.wide)
  const headers = columns.map((c) => c.header)
  const labelKeys = opts.labelColumns.flatMap((l) => l.split(',')).filter(Boolean)
  headers.push(...labelKeys.map((k) => k.split('/').pop()!.toUpperCase()))
  if (opts.showLabels) headers.push('LABELS')
  if (opts.withNamespace) headers.unshift('NAMESPACE')
  const rows = objects.map((obj) => {
    const cells = columns.map((c) => {
      const value = c.cell(obj, { ...ctx, wide: opts.wide })
      return c.header === 'NAME' && opts.showKind ? `${resourcePrefix(kind)}/${value}` : value
    })
    cells.push(...labelKeys.map((k) => obj.metadata.labels?.[k] ?? ''))
    if (opts.showLabels) cells.push(formatLabels(obj.metadata.labels))
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '')
    return cells
  })
  return { headers, rows }
}
