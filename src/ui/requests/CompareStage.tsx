// Side by side on the canvas: the two sides' paths stacked, each as large as the canvas allows, one station per
// hop, stepped or played in lockstep (the same hop number lit on both), the hops where the paths part marked.
import { useEffect, useMemo, useState } from 'react'
import { isDns } from '../animation/schedule.ts'
import { stationOf } from '../animation/stations.ts'
import { differingHops } from './compareDiff.ts'
import { requestStore, useRequests } from './requestStore.ts'

const STEP_MS = 900

export function CompareStage() {
  const compare = useRequests((s) => s.compare)
  const shown = useRequests((s) => s.compareStage)
  const [step, setStep] = useState(0)
  const [playing, setPlaying] = useState(false)
  const sides = useMemo(() => (compare?.status === 'done' ? compare.sides.map((s) => ({ label: s.label, hops: s.traces.find((t) => !isDns(t))?.hops ?? [] })) : []), [compare])
  const diff = useMemo(() => (sides.length === 2 ? differingHops(sides[0].hops, sides[1].hops) : [[], []]), [sides])
  const last = Math.max(0, ...sides.map((s) => s.hops.length - 1))
  useEffect(() => { setStep(0); setPlaying(false) }, [compare])
  // Lockstep: one clock for both paths, ticking only while playing.
  useEffect(() => {
    if (!playing) return
    const id = setInterval(() => setStep((s) => { if (s >= last) { setPlaying(false); return s } return s + 1 }), STEP_MS)
    return () => clearInterval(id)
  }, [playing, last])
  useEffect(() => {
    // Each path scrolls on its own to keep the current hop in the middle (scrollIntoView would move the page too).
    for (const el of document.querySelectorAll<HTMLElement>(`.compare-stage [data-step="${step}"]`)) {
      const path = el.parentElement!
      path.scrollTo({ left: el.offsetLeft - path.offsetLeft - (path.clientWidth - el.offsetWidth) / 2, behavior: 'smooth' })
    }
  }, [step])
  if (!shown || sides.length !== 2) return null
  return (
    <section className="compare-stage" role="region" aria-label="Side by side paths">
      <header className="compare-stage__bar">
        <strong className="compare-stage__line">{compare?.line}</strong>
        <button type="button" className="button" aria-label="Step back" onClick={() => setStep((s) => Math.max(0, s - 1))}>◀</button>
        <button type="button" className="button" onClick={() => { if (step >= last) setStep(0); setPlaying(!playing) }}>{playing ? '❚❚ Pause' : '▶ Play both'}</button>
        <button type="button" className="button" aria-label="Step forward" onClick={() => setStep((s) => Math.min(last, s + 1))}>▶</button>
        <span className="compare-stage__count">hop {step + 1}/{last + 1}</span>
        <button type="button" className="button" onClick={() => requestStore.setState({ compareStage: false })}>Close</button>
      </header>
      {sides.map((side, k) => (
        <div key={side.label} className="compare-stage__side" aria-label={side.label} role="group">
          <h3>{side.label}</h3>
          <ol className="compare-stage__path">
            {side.hops.map((h, i) => {
              const s = stationOf(h)
              const cls = `compare-hop${diff[k][i] ? ' is-different' : ''}${i === step ? ' is-current' : i < step ? ' is-past' : ''}${s.nat ? ' compare-hop--nat' : ''}`
              return (
                <li key={i} className={cls} data-step={i} aria-current={i === step ? 'step' : undefined}>
                  <span className="compare-hop__at">{h.at.replace(/^(node|pod)\//, '')}</span>
                  <span className="compare-hop__label">{s.label}</span>
                  <span className="compare-hop__detail">{s.detail}</span>
                  {diff[k][i] && <span className="compare-hop__diff">differs</span>}
                </li>
              )
            })}
            {side.hops.length <= step && <li className="compare-hop is-ended">ended at hop {side.hops.length}</li>}
          </ol>
        </div>
      ))}
    </section>
  )
}
