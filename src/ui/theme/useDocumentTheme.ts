// Mirrors the store's theme onto <html data-theme>, which the CSS variables key off.
import { useEffect } from 'react'
import { useApp } from '../store.ts'

export function useDocumentTheme(): void {
  const theme = useApp((s) => s.theme)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
    document.documentElement.style.colorScheme = theme
  }, [theme])
}
