// A plain kubectl error (`error: ...`, exit 1) raised anywhere inside a writing verb.
import type { KubectlContext, KubectlSubcommand } from '../context.ts'
import { ApiError } from '../../../engine/api/api-server.ts'
import { finish, fromApi, plain } from './errors.ts'

export class CommandError extends Error {}

/** Runs a verb, printing a thrown CommandError or ApiError the way kubectl's CheckErr does. */
export function verb(run: (ctx: KubectlContext) => number): KubectlSubcommand {
  return (ctx) => {
    try {
      return run(ctx)
    } catch (err) {
      if (err instanceof CommandError) return finish(ctx.io.err, [plain(err.message)])
      if (err instanceof ApiError) return finish(ctx.io.err, [fromApi(err)])
      throw err
    }
  }
}
