/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OUTPUT, generateSchema } from '../../../scripts/gen-schemas.ts'

describe('generated Kubernetes schema', () => {
  it('is current: `npx tsx scripts/gen-schemas.ts` regenerates it from kubernetes-types', () => {
    expect(readFileSync(OUTPUT, 'utf8') === generateSchema(), 'src/engine/api/kubernetes.schema.json is stale').toBe(true)
  }, 60_000)

  it('picks the definition by kind and knows Service ports', () => {
    const schema = JSON.parse(readFileSync(OUTPUT, 'utf8'))
    expect(schema.properties.kind.enum).toContain('Deployment')
    expect(schema.definitions.ServicePort.properties.nodePort.type).toBe('number')
    expect(schema.definitions.Service.required).toEqual(['apiVersion', 'kind'])
  })
})
