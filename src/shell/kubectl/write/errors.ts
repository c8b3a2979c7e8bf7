// kubectl's error printing (cmd/util/helpers.go CheckErr, MultipleErrors, AddSourceToErr): one error is
// printed `error: ...` (or `Error from server (Reason): ...`, or `The Kind "x" is invalid: ...`); several
// errors are printed one a line without the `error: ` prefix, nested aggregates as `[a, b]`.
import type { StatusError } from '../../../engine/admission/index.ts'
import { kubectlErrorMessage } from '../../../engine/admission/index.ts'
import { ApiError } from '../../../engine/api/api-server.ts'
import { goQuote } from '../../../engine/validation/go-format.ts'

export type KubectlError =
  | { type: 'status'; status: StatusError; source?: { verb: string; file: string } }
  | { type: 'plain'; message: string }
  | { type: 'aggregate'; errors: KubectlError[] }

export const plain = (message: string): KubectlError => ({ type: 'plain', message })

export function fromApi(err: unknown, source?: { verb: string; file: string }): KubectlError {
  if (err instanceof ApiError) return { type: 'status', status: err.status, source }
  throw err
}

/** Go's err.Error() of the error. */
function errorString(e: KubectlError): string {
  switch (e.type) {
    case 'plain': return e.message
    case 'status': return e.source ? `error when ${e.source.verb} ${goQuote(e.source.file)}: ${e.status.message}` : e.status.message
    case 'aggregate': {
      const seen = [...new Set(e.errors.map(errorString))]
      return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`
    }
  }
}

/** StandardErrorMessage: status errors get `Error from server (Reason): `, others print as they are. */
function messageForError(e: KubectlError): string {
  return e.type === 'status' ? `Error from server (${e.status.reason}): ${errorString(e)}` : errorString(e)
}

/** What kubectl prints for the error a command ended with (no trailing newline). */
function formatError(e: KubectlError): string {
  if (e.type === 'aggregate' && e.errors.length === 1) return formatError(e.errors[0])
  if (e.type === 'status') return kubectlErrorMessage(e.status, e.source)
  if (e.type === 'aggregate') return e.errors.map(messageForError).join('\n')
  // A message already worded as kubectl prints it (`error: ...`, or a server refusal read before any request).
  return /^(error: |Error from server )/.test(e.message) ? e.message : `error: ${e.message}`
}

/** Prints the errors a command collected (kubectl returns one error, or an aggregate of several). Returns the exit code. */
export function finish(err: (t: string) => void, errors: KubectlError[]): number {
  if (!errors.length) return 0
  err(formatError(errors.length === 1 ? errors[0] : { type: 'aggregate', errors }) + '\n')
  return 1
}
