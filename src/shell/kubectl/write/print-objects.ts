// `-o yaml|json` after a write: one object alone, several as a `v1 List` (apply.go printObjects).
import { toYaml } from '../print/yaml.ts'
import { toJson } from '../print/json.ts'

export function printObjects(out: (t: string) => void, objects: Record<string, unknown>[], format: 'yaml' | 'json'): void {
  if (!objects.length) return
  const value = objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } }
  out(format === 'yaml' ? toYaml(value) : toJson(value))
}
