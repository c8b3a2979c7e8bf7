// An invariant on what the user reads: no JavaScript error text ever reaches the output (an engine error must be
// worded as the real tool words it, or as kubehop's own message). Texts the user typed are not counted.
import type { StatementRecord } from '../shell/script/types.ts'

/** Wording only a JavaScript engine (V8) produces: a leaked exception or a printed function or object. */
const JS_TEXTS = [
  /Invalid string length/, /Invalid array length/, /Maximum call stack size exceeded/, /is not a function/,
  /Cannot read propert(y|ies) of (undefined|null)/, /Cannot set propert(y|ies) of/, /is not iterable/,
  /Cannot convert undefined or null/, /\[native code\]/, /\[object Object\]/, /Invalid time value/,
  /\b(TypeError|ReferenceError|RangeError): /, /\bat [\w.<>]+ \(.*\.ts:\d+:\d+\)/,
]

/** Violations for JavaScript error texts in the records' output that `input` (what was typed) does not contain. */
export function checkOutputText(records: StatementRecord[], input: string): string[] {
  const out: string[] = []
  for (const r of records) {
    const text = r.chunks.map((c) => c.text).join('')
    for (const pattern of JS_TEXTS) {
      const m = pattern.exec(text)
      if (m && !input.includes(m[0])) out.push(`JavaScript error text reached the user (${JSON.stringify(m[0])}) in the output of ${JSON.stringify(r.source.slice(0, 200))}: ${JSON.stringify(text.slice(Math.max(0, m.index - 100), m.index + 100))}`)
    }
  }
  return out
}
