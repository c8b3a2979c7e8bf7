import { describe, expect, it } from 'vitest'
import { goQuote, goStringMap, goStringSlice } from './go-format.ts'
import {
  aggregateMessage, duplicate, errorString, invalid, kubectlErrorMessage, newBadRequest, newInvalid, notSupported, path, required, tooLong,
} from './field-errors.ts'

describe('field errors (apimachinery field/errors.go, api/errors NewInvalid)', () => {
  it('renders values as Go does: %q strings, bare numbers, %#v composites', () => {
    expect(errorString(invalid(path('spec', 'ports').index(0).child('nodePort'), 80, 'x'))).toBe('spec.ports[0].nodePort: Invalid value: 80: x')
    expect(errorString(invalid(path('a'), 'say "hi"\n', 'x'))).toBe('a: Invalid value: "say \\"hi\\"\\n": x')
    expect(errorString(invalid(path('a'), goStringSlice(['10.96.0.10']), 'x'))).toBe('a: Invalid value: []string{"10.96.0.10"}: x')
    expect(goStringMap({ tier: 'fe', app: 'web' }).goRaw).toBe('map[string]string{"app":"web", "tier":"fe"}')
    expect(goQuote('ünïcode')).toBe('"ünïcode"')
  })

  it('formats Required, NotSupported, Duplicate and TooLong bodies', () => {
    expect(errorString(required(path('spec', 'selector')))).toBe('spec.selector: Required value')
    expect(errorString(notSupported(path('spec', 'type'), 'X', ['A', 'B']))).toBe('spec.type: Unsupported value: "X": supported values: "A", "B"')
    expect(errorString(duplicate(path('spec', 'ports').index(1).child('name'), 'http'))).toBe('spec.ports[1].name: Duplicate value: "http"')
    expect(errorString(tooLong(path('data'), 1048576))).toBe('data: Too long: may not be more than 1048576 bytes')
  })

  it('aggregates one error bare and several in brackets, without duplicates', () => {
    const a = required(path('a'))
    const b = required(path('b'))
    expect(aggregateMessage([a])).toBe('a: Required value')
    expect(aggregateMessage([a, b, a])).toBe('[a: Required value, b: Required value]')
  })

  it('builds the Status message with the qualified kind and prints it as kubectl does', () => {
    const err = newInvalid('Deployment', 'apps', 'web', [required(path('spec', 'selector')), required(path('spec', 'template'))])
    expect(err.code).toBe(422)
    expect(err.message).toBe('Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template: Required value]')
    expect(kubectlErrorMessage(err)).toBe('The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template: Required value')
    const one = newInvalid('Service', '', 'x', [invalid(path('spec', 'ports').index(0).child('nodePort'), 80, 'provided port is not in the valid range. The range of valid ports is 30000-32767')])
    expect(kubectlErrorMessage(one)).toBe('The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767')
    expect(kubectlErrorMessage(newBadRequest('Service in version "v1" cannot be handled as a Service: boom'), { verb: 'creating', file: 'STDIN' }))
      .toBe('Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: boom')
  })
})
