// The top bar: product name, what is connected, and the global controls.
import { useWorkspaces, workspaceStore } from './persistence/workspaceSession.ts'
import { HeaderControls } from './share/HeaderControls.tsx'
import { ThemeToggle } from './theme/ThemeToggle.tsx'

/** The workspace on screen; opens the list of workspaces and versions. */
function WorkspaceSwitcher() {
  const name = useWorkspaces((s) => s.current.name)
  return (
    <button type="button" className="button workspace-switcher" title="Your workspaces and their versions"
      onClick={() => workspaceStore.setState({ dialogOpen: true })} aria-label={`Workspace: ${name}`}>{name} ▾</button>
  )
}

export function Header() {
  return (
    <header className="app-header">
      <h1 className="app-header__title">kubehop</h1>
      <span className="app-header__tagline">how a request reaches a pod, hop by hop</span>
      <WorkspaceSwitcher />
      <span className="app-header__spacer" />
      <span className="app-header__keys">Alt+1 editor · Alt+2 topology · Alt+3 console · Ctrl+S apply now</span>
      <HeaderControls />
      <ThemeToggle />
    </header>
  )
}
