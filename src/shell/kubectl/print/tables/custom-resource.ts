// Tables of CRD kinds as the API server builds them from the CRD's additionalPrinterColumns
// (apiextensions-apiserver registry/customresource/tableconvertor: the first JSONPath result of each column;
// a list prints as JSON; nothing found leaves the cell empty; `date` columns print as an age).
import type { Column, TableSpec } from '../table.ts'
import { ageColumn, nameColumn } from '../table.ts'
import { executeJSONPath } from '../jsonpath.ts'
import { parseJSONPath } from '../jsonpath-parse.ts'
import { since } from '../duration.ts'
import { printerColumns } from '../../../../engine/gateway/crds.ts'
import { APISIX_ROUTE_COLUMNS } from '../../../../engine/apisix/columns.ts'

type Json = Parameters<typeof executeJSONPath>[1]

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

function column(c: { name: string; type: string; jsonPath: string; priority?: number }): Column {
  if (c.type === 'date' && c.jsonPath === '.metadata.creationTimestamp') return ageColumn
  const nodes = parseJSONPath(`{${c.jsonPath}}`)
  return {
    header: c.name.toUpperCase(),
    ...(c.priority ? { wide: true } : {}),
    cell: (obj, ctx) => {
      let found: unknown
      try {
        found = executeJSONPath(nodes, obj as unknown as Json)[0]?.[0]
      } catch {
        found = undefined
      }
      return c.type === 'date' ? (found ? since(found, ctx.now) : '') : cellText(found)
    },
  }
}

/** The table of a CRD kind, or undefined for built-in kinds. */
export function customResourceTable(kind: string): TableSpec | undefined {
  const cols = printerColumns(kind) ?? (kind === 'ApisixRoute' ? APISIX_ROUTE_COLUMNS : undefined)
  return cols ? [nameColumn, ...cols.map(column)] : undefined
}

/** `kubectl get crd`: printers.go has none, the server's default for CRDs is NAME and CREATED AT. */
export const CRD_TABLE: TableSpec = [nameColumn, { header: 'CREATED AT', cell: (o) => String(o.metadata.creationTimestamp ?? '') }]
