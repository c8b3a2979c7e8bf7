import { describe, expect, it } from 'vitest'
import { cameraPath } from './cameraPath.ts'

describe('cameraPath (how the camera moves between two hops)', () => {
  it('pans in a straight line when the zoom stays (nearly) the same', () => {
    expect(cameraPath(0.95, 0.95)).toBe('linear')
    expect(cameraPath(1.2, 1.23)).toBe('linear')
    expect(cameraPath(1.35, 1.3)).toBe('linear')
  })

  it('keeps the smooth zoom path for a real change of zoom', () => {
    expect(cameraPath(0.05, 0.95)).toBe('smooth')
    expect(cameraPath(0.95, 1.6)).toBe('smooth')
    expect(cameraPath(1.6, 0.95)).toBe('smooth')
  })
})
