// The editor's file tabs: switch, add, rename (double-click or F2), close; each tab tells its marker count.
import { useState, type KeyboardEvent } from 'react'
import { getApp, useApp } from '../store.ts'

function RenameField({ name, onDone }: { name: string; onDone: () => void }) {
  const [value, setValue] = useState(name)
  const [invalid, setInvalid] = useState(false)
  const commit = () => { if (getApp().renameFile(name, value.trim())) onDone(); else setInvalid(true) }
  return (
    <input className={`tab__rename${invalid ? ' is-invalid' : ''}`} aria-label={`Rename ${name}`} aria-invalid={invalid} autoFocus value={value}
      onChange={(e) => { setValue(e.target.value); setInvalid(false) }} onBlur={onDone}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') onDone() }} />
  )
}

export function EditorTabs() {
  const files = useApp((s) => s.files)
  const active = useApp((s) => s.active)
  const markers = useApp((s) => s.markers)
  const [renaming, setRenaming] = useState<string | null>(null)

  const addFile = () => {
    let n = 1
    while (getApp().files.some((f) => f.name === `untitled-${n}.yaml`)) n++
    getApp().addFile(`untitled-${n}.yaml`, '')
    setRenaming(`untitled-${n}.yaml`)
  }
  const onKeyDown = (e: KeyboardEvent, name: string) => {
    if (e.key === 'F2') { e.preventDefault(); setRenaming(name) }
    const index = files.findIndex((f) => f.name === name)
    const next = e.key === 'ArrowRight' ? files[index + 1] : e.key === 'ArrowLeft' ? files[index - 1] : undefined
    if (next) { getApp().openFile(next.name); (e.currentTarget.parentElement?.parentElement?.children[index + (e.key === 'ArrowRight' ? 1 : -1)]?.querySelector('[role=tab]') as HTMLElement | null)?.focus() }
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label="Files" className="tabs__list">
        {files.map((f) => {
          const errors = markers.filter((m) => m.file === f.name && m.severity === 'error').length
          const warnings = markers.filter((m) => m.file === f.name && m.severity === 'warning').length
          const counts = [errors && `${errors} error${errors > 1 ? 's' : ''}`, warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`].filter(Boolean).join(', ')
          return (
            <div key={f.name} className={`tab${f.name === active ? ' is-active' : ''}`}>
              {renaming === f.name ? <RenameField name={f.name} onDone={() => setRenaming(null)} /> : (
                <button role="tab" aria-selected={f.name === active} tabIndex={f.name === active ? 0 : -1}
                  aria-label={counts ? `${f.name}, ${counts}` : f.name} className="tab__name"
                  onClick={() => getApp().openFile(f.name)} onDoubleClick={() => setRenaming(f.name)} onKeyDown={(e) => onKeyDown(e, f.name)}
                  title="Double-click or F2 to rename">
                  {f.name}
                  {errors > 0 && <span className="tab__badge tab__badge--error" aria-hidden="true">{errors}</span>}
                  {!errors && warnings > 0 && <span className="tab__badge tab__badge--warn" aria-hidden="true">{warnings}</span>}
                </button>
              )}
              {files.length > 1 && <button className="tab__close" aria-label={`Close ${f.name}`} title={`Close ${f.name}`}
                onClick={() => { if (f.text.trim() === '' || confirm(`Close ${f.name}? Its objects leave the cluster.`)) getApp().closeFile(f.name) }}>×</button>}
            </div>
          )
        })}
      </div>
      <button className="tabs__add" aria-label="New file" title="New file" onClick={addFile}>+</button>
    </div>
  )
}
