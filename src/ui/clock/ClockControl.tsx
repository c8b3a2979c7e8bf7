// The clock you can see: the simulated time, pause/play, 1× / 10× / 60× and "skip ahead 30 s". AGE advances,
// probes fire and load balancers come up while you watch; a scenario holds the clock for its steps.
import { clockStore, formatClock, RATES, useClock } from './clockStore.ts'
import { skipAhead } from './useClockRuntime.ts'

export function ClockControl() {
  const time = useClock((s) => s.time)
  const chosen = useClock((s) => s.chosen)
  const paused = useClock((s) => s.paused)
  const held = useClock((s) => s.held)
  const stopped = paused || held
  return (
    <span className="clock" role="group" aria-label="Simulated clock">
      <span className={`clock__time${stopped ? ' is-stopped' : ''}`} role="timer" aria-label="Simulated time" aria-live="off"
        title={held ? 'A scenario is open: its steps move the clock (sleep, kubectl wait)' : 'Simulated time (UTC)'}>
        {time === null ? '--:--:--' : formatClock(time)}
      </span>
      <button type="button" className="button" aria-label={stopped ? 'Run the clock' : 'Pause the clock'} disabled={held}
        onClick={() => clockStore.setState({ paused: !paused })}>{stopped ? '▶' : '❚❚'}</button>
      {RATES.map((r) => (
        <button key={r} type="button" className="button" aria-pressed={chosen === r} disabled={held} aria-label={`Clock speed ${r}×`}
          onClick={() => clockStore.setState({ chosen: r, paused: false })}>{r}×</button>
      ))}
      <button type="button" className="button" aria-label="Skip ahead 30 seconds" onClick={() => skipAhead(30)}>+30 s</button>
    </span>
  )
}
