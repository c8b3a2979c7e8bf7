import { describe, expect, it } from 'vitest'
import { formatLabels, formatSelector, fromLabelSelector, fromMap, matches, parseSelector } from './labels.ts'

describe('label selectors', () => {
  it('parses the kubectl -l forms', () => {
    const sel = parseSelector('app=kubia,tier!=db,env in (prod, staging),release notin (canary),gpu,!legacy')
    expect(matches(sel, { app: 'kubia', tier: 'web', env: 'prod', gpu: '' })).toBe(true)
    expect(matches(sel, { app: 'kubia', tier: 'db', env: 'prod', gpu: '' })).toBe(false)
    expect(matches(sel, { app: 'kubia', env: 'dev', gpu: '' })).toBe(false)
    expect(matches(sel, { app: 'kubia', env: 'prod', gpu: '', legacy: 'y' })).toBe(false)
    expect(matches(sel, { app: 'kubia', env: 'prod', release: 'canary', gpu: '' })).toBe(false)
    expect(formatSelector(parseSelector('app==kubia'))).toBe('app=kubia')
  })

  it('rejects malformed selectors', () => {
    expect(() => parseSelector('app=kubia;x')).toThrow(/unable to parse requirement/)
  })

  it('treats matchLabels and matchExpressions like metav1.LabelSelectorAsSelector', () => {
    expect(fromLabelSelector(undefined)).toBeNull()
    expect(matches(fromLabelSelector({})!, { any: 'thing' })).toBe(true)
    const sel = fromLabelSelector({ matchLabels: { app: 'a' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['x', 'y'] }] })!
    expect(matches(sel, { app: 'a', tier: 'y' })).toBe(true)
    expect(matches(sel, { app: 'a' })).toBe(false)
  })

  it('formats label maps sorted by key', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2')
    expect(formatLabels({})).toBe('<none>')
    expect(matches(fromMap({ app: 'kubia' }), { app: 'kubia', extra: 'x' })).toBe(true)
  })
})
