// One toggle button for the colour scheme; its pressed state says whether the dark theme is on.
import { getApp, useApp } from '../store.ts'

export function ThemeToggle() {
  const dark = useApp((s) => s.theme) === 'dark'
  return (
    <button type="button" className="button" aria-pressed={dark}
      onClick={() => getApp().setTheme(dark ? 'light' : 'dark')}>
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark theme
    </button>
  )
}
