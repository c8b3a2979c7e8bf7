// The three-pane shell: editor | topology on top, console below, each splitter resizable by mouse or keyboard.
import type { CSSProperties } from 'react'
import { ConsolePane } from './console/ConsolePane.tsx'
import type { EngineClient } from './engineClient.ts'
import { EngineContext } from './engineContext.ts'
import { EditorPane } from './editor/EditorPane.tsx'
import { Header } from './Header.tsx'
import { Splitter } from './layout/Splitter.tsx'
import { usePaneShortcuts } from './layout/usePaneShortcuts.ts'
import { usePanel } from './layout/panels.ts'
import { usePanels } from './layout/usePanels.ts'
import { useClockRuntime } from './clock/useClockRuntime.ts'
import { OneTruth } from './requests/OneTruth.tsx'
import './styles/presenter.css'
import { usePaneSize } from './layout/usePaneSize.ts'
import { StatusBar } from './StatusBar.tsx'
import { useDocumentTheme } from './theme/useDocumentTheme.ts'
import { TopologyPane } from './topology/TopologyPane.tsx'
import { DocumentLayer, GuideAside, useGuideVisible } from './share/DocumentLayer.tsx'
import { EmbedApp } from './share/EmbedApp.tsx'
import { HashSync } from './share/hashSync.ts'
import { LinkErrorView } from './share/LinkErrorView.tsx'
import { useShare } from './share/shareStore.ts'
import { useShareRuntime } from './share/useShareRuntime.ts'
import { viewMode } from './share/viewMode.ts'

export function App({ engine }: { engine: EngineClient }) {
  useDocumentTheme()
  usePaneShortcuts()
  usePanels()
  const editorOpen = usePanel('editor')
  const consoleOpen = usePanel('console')
  const guideOpen = usePanel('guide')
  const [editorWidth, setEditorWidth] = usePaneSize('editor', Math.round(innerWidth * 0.34), 240, Math.max(480, innerWidth - 320))
  const [consoleHeight, setConsoleHeight] = usePaneSize('console', 210, 90, Math.max(200, innerHeight - 260))
  const style = { '--editor-width': `${editorWidth}px`, '--console-height': `${consoleHeight}px` } as CSSProperties
  useShareRuntime(engine)
  useClockRuntime(engine)
  const guide = useGuideVisible() && guideOpen
  const linkError = useShare((s) => s.linkError)
  if (linkError) return <LinkErrorView />
  if (viewMode.embed) return <EngineContext.Provider value={engine}><HashSync /><EmbedApp /></EngineContext.Provider>
  return (
    <EngineContext.Provider value={engine}>
    <div className="app" style={style}>
      <HashSync />
      <Header />
      <main className={`workspace${guide ? ' workspace--guide' : ''}${editorOpen ? '' : ' workspace--no-editor'}${consoleOpen ? '' : ' workspace--no-console'}`}>
        <EditorPane />
        <Splitter label="Resize editor" orientation="vertical" value={editorWidth}
          min={240} max={Math.max(480, innerWidth - 320)} onChange={setEditorWidth} />
        <TopologyPane />
        <Splitter label="Resize console" orientation="horizontal" value={consoleHeight} invert
          min={90} max={Math.max(200, innerHeight - 260)} onChange={setConsoleHeight} />
        <ConsolePane shell={engine} />
        {guide && <GuideAside />}
      </main>
      <DocumentLayer />
      <OneTruth />
      <StatusBar />
    </div>
    </EngineContext.Provider>
  )
}
