// A focusable window splitter (WAI-ARIA separator): drag it, or use the arrow keys, Home and End.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react'

interface Props {
  label: string
  /** `vertical` splits left from right (drag sideways); `horizontal` splits top from bottom. */
  orientation: 'vertical' | 'horizontal'
  value: number
  min: number
  max: number
  /** True when dragging towards the start (left/up) makes the pane larger, as for a pane below the splitter. */
  invert?: boolean
  onChange(value: number): void
}

const STEP = 24

export function Splitter({ label, orientation, value, min, max, invert = false, onChange }: Props) {
  const drag = useRef<{ start: number; value: number } | null>(null)
  const sign = invert ? -1 : 1
  const axis = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY)

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? STEP * 4 : STEP
    const grow = orientation === 'vertical' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowDown', 'ArrowUp']
    let next: number | null = null
    if (e.key === grow[0]) next = value + sign * step
    else if (e.key === grow[1]) next = value - sign * step
    else if (e.key === 'Home') next = min
    else if (e.key === 'End') next = max
    if (next === null) return
    e.preventDefault()
    onChange(next)
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      className={`splitter splitter--${orientation}`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); drag.current = { start: axis(e), value } }}
      onPointerMove={(e) => { if (drag.current) onChange(drag.current.value + sign * (axis(e) - drag.current.start)) }}
      onPointerUp={() => { drag.current = null }}
      onPointerCancel={() => { drag.current = null }}
    />
  )
}
