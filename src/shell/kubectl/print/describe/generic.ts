// `kubectl describe` of a custom resource: kubectl's genericDescriber (kubectl/pkg/describe/describe.go
// GenericDescriberFor, printUnstructuredContent, smartLabelFor): every field sorted by name, camelCase keys as
// words, list items one after the other one level deeper, then the Events.
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { DescribeContext } from './common.ts'
import { describeEvents, eventsFor, printAnnotations, printLabels } from './common.ts'
import type { PrefixWriter } from './writer.ts'
import { tabbed } from './writer.ts'

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']
const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']

/** `gatewayClassName` → `Gateway Class Name`; names with other than letters and `-` stay as they are. */
function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-+/g) ?? [field]
  return parts.map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1))).join(' ')
}

/** Go's %v of a JSON number (a float64): shortest form, exponent from 1e+06 up. */
function goNumber(n: number): string {
  if (n === 0 || (Math.abs(n) >= 1e-4 && Math.abs(n) < 1e6)) return String(n)
  const [m, e] = n.toExponential().split('e')
  const exp = Number(e)
  return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'number') return goNumber(v)
  return String(v)
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const expr = `${prefix}.${field}`
    if (SKIP.includes(expr)) continue
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, expr)
        else w.write(level + 1, `${scalar(child)}\n`)
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printContent(w, level + 1, value as Record<string, unknown>, expr)
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${scalar(value)}\n`)
    }
  }
}

export function describeCustomResource(obj: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${obj.metadata.name}\n`)
    w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
    printLabels(w, 'Labels', obj.metadata.labels)
    printAnnotations(w, 'Annotations', obj.metadata.annotations)
    printContent(w, 0, obj as unknown as Record<string, unknown>, '')
    describeEvents(w, eventsFor(obj, ctx), ctx.now)
  })
}
