// Turns statement records into the contract's two outputs: a terminal-like transcript, or JSON Lines.
import type { StatementRecord } from '../shell/script/types.ts'

/** `$ command` (continuation lines prompted with `> ` like bash's PS2), then the output exactly as printed. */
export function formatTranscriptRecord(record: StatementRecord, previousEndedWithNewline: boolean): string {
  const [first, ...more] = record.source.split('\n')
  const echo = [`$ ${first}`, ...more.map((line) => `> ${line}`)].join('\n')
  const output = record.chunks.map((c) => c.text).join('')
  // No statement (the input ended inside `kubectl exec -it … -- sh`): only what the closing tool printed.
  if (!record.source) return `${previousEndedWithNewline ? '' : '\n'}${output}`
  return `${previousEndedWithNewline ? '' : '\n'}${echo}\n${output}`
}

export function formatJsonRecord(record: StatementRecord): string {
  const stream = (name: 'stdout' | 'stderr') => record.chunks.filter((c) => c.stream === name).map((c) => c.text).join('')
  return JSON.stringify({ command: record.source, exitCode: record.exitCode, stdout: stream('stdout'), stderr: stream('stderr'), traces: record.traces })
}
