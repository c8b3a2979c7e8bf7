// `--sort-by=PATH`: a stable sort on the first value the path finds. Source: kubectl/pkg/cmd/get/sorter.go
// (objects without the field first; strings in natural order, numbers numerically).
import { executeJSONPath, parseJSONPath } from './jsonpath.ts'
import { relaxedJSONPath } from './relaxed-path.ts'

class SortByError extends Error {}

/** vbom.ml/util/sortorder.NaturalLess: digit runs compare as numbers. */
function naturalLess(a: string, b: string): boolean {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const da = /\d/.test(a[i])
    const db = /\d/.test(b[j])
    if (da && db) {
      let ei = i
      let ej = j
      while (ei < a.length && /\d/.test(a[ei])) ei++
      while (ej < b.length && /\d/.test(b[ej])) ej++
      const na = a.slice(i, ei).replace(/^0+/, '')
      const nb = b.slice(j, ej).replace(/^0+/, '')
      if (na.length !== nb.length) return na.length < nb.length
      if (na !== nb) return na < nb
      if (ei - i !== ej - j) return ei - i < ej - j
      i = ei
      j = ej
    } else {
      if (a[i] !== b[j]) return a[i] < b[j]
      i++
      j++
    }
  }
  return a.length - i < b.length - j
}

function less(x: unknown, y: unknown): boolean {
  if (typeof x === 'number' && typeof y === 'number') return x < y
  if (typeof x === 'string' && typeof y === 'string') return naturalLess(x, y)
  if (typeof x === 'boolean' && typeof y === 'boolean') return !x && y
  return false
}

export function sortByPath<T>(objects: T[], expression: string): T[] {
  const template = relaxedJSONPath(expression)
  const path = parseJSONPath(template)
  const keyed = objects.map((obj) => {
    const r = executeJSONPath(path, obj)
    return { obj, has: r.length > 0 && r[0].length > 0, key: r[0]?.[0] }
  })
  if (objects.length > 0 && !keyed.some((k) => k.has)) {
    throw new SortByError(`couldn't find any field with path "${template}" in the list of objects`)
  }
  return keyed
    .map((k, index) => ({ ...k, index }))
    .sort((a, b) => {
      if (!a.has) return b.has ? -1 : a.index - b.index
      if (!b.has) return 1
      if (less(a.key, b.key)) return -1
      if (less(b.key, a.key)) return 1
      return a.index - b.index
    })
    .map((k) => k.obj)
}
