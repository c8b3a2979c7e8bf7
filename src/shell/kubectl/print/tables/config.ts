// `kubectl get configmaps|secrets|namespaces`. Source: printers.go printConfigMap, printSecret, printNamespace.
import type { TableSpec } from '../table.ts'
import { ageColumn, nameColumn } from '../table.ts'
import type { Stored } from '../../../../engine/api/types.ts'
import type { Secret } from 'kubernetes-types/core/v1'

const size = (m: unknown) => (m && typeof m === 'object' ? Object.keys(m).length : 0)

export const CONFIGMAP_TABLE: TableSpec = [
  nameColumn,
  { header: 'DATA', cell: (c) => String(size(c.data) + size(c.binaryData)) },
  ageColumn,
]

export const SECRET_TABLE: TableSpec<Stored<Secret>> = [
  nameColumn,
  { header: 'TYPE', cell: (s) => s.type ?? '' },
  { header: 'DATA', cell: (s) => String(size(s.data)) },
  ageColumn,
]

export const NAMESPACE_TABLE: TableSpec = [
  nameColumn,
  // The API server sets phase Active on create (namespace strategy); a record without it is still Active.
  { header: 'STATUS', cell: (ns) => ns.status?.phase ?? 'Active' },
  ageColumn,
]
