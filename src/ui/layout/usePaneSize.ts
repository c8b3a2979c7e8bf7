// A pane size in pixels, clamped and remembered across reloads.
import { useCallback, useState } from 'react'

export function usePaneSize(key: string, initial: number, min: number, max: number): [number, (size: number) => void] {
  const clamp = (n: number) => Math.round(Math.min(max, Math.max(min, n)))
  const [size, setSize] = useState(() => {
    const saved = Number(localStorage.getItem(`kubehop.pane.${key}`))
    return clamp(Number.isFinite(saved) && saved > 0 ? saved : initial)
  })
  const update = useCallback((next: number) => {
    const value = Math.round(Math.min(max, Math.max(min, next)))
    setSize(value)
    localStorage.setItem(`kubehop.pane.${key}`, String(value))
  }, [key, min, max])
  return [size, update]
}
