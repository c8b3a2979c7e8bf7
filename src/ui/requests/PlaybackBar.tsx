// The playback toolbar over the canvas: send a request, play/pause, step back and forward, speed; with
// keyboard shortcuts (Alt+R send, Alt+P play/pause, Alt+. / Alt+, step) announced through aria-keyshortcuts.
import { useEffect } from 'react'
import { usePlaying } from '../animation/usePlaying.ts'
import type { Timeline } from '../animation/useTimeline.ts'
import { setSpeed, stepBack, stepForward, togglePlay } from './playback.ts'
import { requestStore, useRequests } from './requestStore.ts'
import { SendRequestForm } from './SendRequestForm.tsx'
import { togglePanel } from '../layout/panels.ts'

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8]

export function PlaybackBar({ timeline }: { timeline: Timeline }) {
  const formOpen = useRequests((s) => s.formOpen)
  const speed = useRequests((s) => s.speed)
  const playing = usePlaying()
  const has = timeline.packets.length > 0
  // (The request panel takes room from the canvas: useCamera refits or reframes when the canvas changes size.)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const act = { KeyR: () => requestStore.setState({ formOpen: true }), KeyP: togglePlay,
        Period: () => stepForward(timeline), Comma: () => stepBack(timeline) }[e.code]
      if (!act) return
      e.preventDefault()
      act()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [timeline])

  return (
    <div className="playback" role="toolbar" aria-label="Request playback">
      <button type="button" className="button button--primary" aria-keyshortcuts="Alt+R" aria-expanded={formOpen}
        onClick={() => requestStore.setState({ formOpen: !formOpen })}>Send request</button>
      <button type="button" className="button" title="The same request in kube-proxy's iptables and nftables modes, side by side"
        onClick={() => { requestStore.setState({ tab: 'proxy' }); togglePanel('requests', true) }}>Proxy modes</button>
      <button type="button" className="button" aria-label="Step back" title="Step back (Alt+,)" aria-keyshortcuts="Alt+Comma" disabled={!has} onClick={() => stepBack(timeline)}>◀ Back</button>
      <button type="button" className="button" aria-label={playing ? 'Pause' : 'Play'} title={`${playing ? 'Pause' : 'Play'} (Alt+P)`} aria-keyshortcuts="Alt+P" disabled={!has} onClick={togglePlay}>{playing ? '❚❚ Pause' : '▶ Play'}</button>
      <button type="button" className="button" aria-label="Step forward" title="Step forward (Alt+.)" aria-keyshortcuts="Alt+Period" disabled={!has} onClick={() => stepForward(timeline)}>Step ▶</button>
      <label className="playback__speed">Speed
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      {timeline.label && <span className="playback__label" title={timeline.label}>{timeline.label}</span>}
      {formOpen && <SendRequestForm />}
    </div>
  )
}
