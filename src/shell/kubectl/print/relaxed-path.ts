// Field paths as custom-columns and --sort-by accept them. Source: kubectl/pkg/cmd/get RelaxedJSONPathExpression.

class RelaxedPathError extends Error {}

/** `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJSONPath(expression: string): string {
  if (!expression) return expression
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression)
  if (!m) throw new RelaxedPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  return `{.${m[1] || m[2]}}`
}

/** Go's %v of an unstructured value: `map[a:b]`, `[x y]`, `<nil>`. */
export function goPlainValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goPlainValue).join(' ')}]`
  if (typeof v === 'object') {
    const m = v as Record<string, unknown>
    return `map[${Object.keys(m).sort().map((k) => `${k}:${goPlainValue(m[k])}`).join(' ')}]`
  }
  return String(v)
}
