// `-o custom-columns=HEADER:PATH,...`. Source: kubectl/pkg/cmd/get/customcolumn.go (values joined by commas,
// `<none>` when a path finds nothing), laid out by the same tabwriter as tables.
import { executeJSONPath, parseJSONPath } from './jsonpath.ts'
import type { JPNode } from './jsonpath-parse.ts'
import { goPlainValue, relaxedJSONPath } from './relaxed-path.ts'
import { tabulate } from './tabwriter.ts'

class CustomColumnsError extends Error {}

export interface CustomColumn { header: string; path: JPNode[] }

export function parseCustomColumns(spec: string): CustomColumn[] {
  if (!spec) throw new CustomColumnsError('custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const colon = part.split(':')
    if (colon.length !== 2) throw new CustomColumnsError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    return { header: colon[0], path: parseJSONPath(relaxedJSONPath(colon[1])) }
  })
}

function cell(obj: unknown, path: JPNode[]): string {
  const results = executeJSONPath(path, obj)
  if (!results.length || !results[0].length) return '<none>'
  return results.flat().map(goPlainValue).join(',')
}

export function renderCustomColumns(columns: CustomColumn[], objects: unknown[], noHeaders: boolean): string {
  let text = noHeaders ? '' : columns.map((c) => c.header).join('\t') + '\n'
  for (const obj of objects) text += columns.map((c) => cell(obj, c.path)).join('\t') + '\n'
  return tabulate(text)
}
