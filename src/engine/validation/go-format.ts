// Go's fmt rendering of the values that appear in API server error messages.
// field.Error.ErrorBody (k8s.io/apimachinery/pkg/util/validation/field/errors.go, v1.32) prints
// int32/int64/bool with %v, strings with %q and anything else with %#v; these helpers produce the
// same text for the few composite values Kubernetes puts in its messages.

/** A value already rendered the way Go's %#v would print it (`[]string{"a"}`, `core.ServicePort{...}`). */
export interface GoRaw {
  readonly goRaw: string
}

export function goRaw(text: string): GoRaw {
  return { goRaw: text }
}

export function isGoRaw(value: unknown): value is GoRaw {
  return typeof value === 'object' && value !== null && typeof (value as GoRaw).goRaw === 'string'
}

/** strconv.Quote / %q: double-quoted with Go escapes; printable Unicode is kept as is. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    switch (ch) {
      case '"': out += '\\"'; continue
      case '\\': out += '\\\\'; continue
      case '\n': out += '\\n'; continue
      case '\t': out += '\\t'; continue
      case '\r': out += '\\r'; continue
      case '\x07': out += '\\a'; continue
      case '\b': out += '\\b'; continue
      case '\f': out += '\\f'; continue
      case '\v': out += '\\v'; continue
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0')
    else if (cp >= 0x80 && cp < 0xa0) out += '\\u' + cp.toString(16).padStart(4, '0')
    else out += ch
  }
  return out + '"'
}

/** %#v of a []string: `[]string{"a", "b"}`; a missing slice is `[]string(nil)`. */
export function goStringSlice(items: readonly string[] | undefined | null, type = '[]string'): GoRaw {
  if (items === undefined || items === null) return goRaw(`${type}(nil)`)
  return goRaw(`${type}{${items.map(goQuote).join(', ')}}`)
}

/** %#v of a map[string]string: keys sorted as fmt does; a missing map is `map[string]string(nil)`. */
export function goStringMap(map: Record<string, string> | undefined | null): GoRaw {
  if (map === undefined || map === null) return goRaw('map[string]string(nil)')
  return goRaw(goStringMapText(map))
}

function goStringMapText(map: Record<string, string>): string {
  const keys = Object.keys(map).sort()
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(map[k]))}`).join(', ')}}`
}

/** %#v of a metav1.LabelSelector (value, not pointer: ErrorBody dereferences pointers). */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> } | undefined | null): GoRaw {
  if (!sel) return goRaw('null')
  const labels = sel.matchLabels ? goStringMapText(sel.matchLabels) : 'map[string]string(nil)'
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map((e) =>
      `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values).goRaw}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return goRaw(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`)
}

/** %#v of an intstr.IntOrString. */
export function goIntOrStringText(value: unknown): string {
  if (typeof value === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`
  const n = typeof value === 'number' ? value : 0
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`
}

/** %#v of the core.ServicePort key used by ValidateService's duplicate (protocol, port) check. */
export function goServicePortKey(protocol: string, port: number): GoRaw {
  return goRaw(`core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
    `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`)
}

/** %#v of an empty typed slice such as `[]networking.IngressRule(nil)`. */
export function goNilSlice(type: string): GoRaw {
  return goRaw(`${type}(nil)`)
}
