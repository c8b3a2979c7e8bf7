// The top bar: product name, what is connected, and the global controls.
import { HeaderControls } from './share/HeaderControls.tsx'
import { ThemeToggle } from './theme/ThemeToggle.tsx'

export function Header() {
  return (
    <header className="app-header">
      <h1 className="app-header__title">kubehop</h1>
      <span className="app-header__tagline">how a request reaches a pod, hop by hop</span>
      <span className="app-header__spacer" />
      <span className="app-header__keys">Alt+1 editor · Alt+2 topology · Alt+3 console · Ctrl+S apply now</span>
      <HeaderControls />
      <ThemeToggle />
    </header>
  )
}
