import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateApiFields } from './generate-api-fields.ts'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const types = (m: string) => readFileSync(here(`../../../../node_modules/kubernetes-types/${m}`), 'utf8')

describe('api-fields.generated.ts', () => {
  it('matches what kubernetes-types declares (UPDATE_API_FIELDS=1 rewrites it)', () => {
    const text = generateApiFields({
      core: types('core/v1.d.ts'), apps: types('apps/v1.d.ts'), discovery: types('discovery/v1.d.ts'),
      networking: types('networking/v1.d.ts'), meta: types('meta/v1.d.ts'), resource: types('api/resource.d.ts'),
    })
    if (process.env.UPDATE_API_FIELDS) writeFileSync(here('./api-fields.generated.ts'), text)
    expect(readFileSync(here('./api-fields.generated.ts'), 'utf8')).toBe(text)
  })
})
