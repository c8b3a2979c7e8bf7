// Control flow that unwinds the interpreter: break, continue and exit are thrown, loops catch them.

export class BreakSignal {
  constructor(readonly levels: number) {}
}

export class ContinueSignal {
  constructor(readonly levels: number) {}
}

export class ExitSignal {
  constructor(readonly code: number) {}
}

/** An expansion error (${x:?}, bad arithmetic): bash prints it and skips the command, status 1. */
export class ExpansionError extends Error {}

/** After an expansion error an interactive bash discards the rest of the command line ($? = 1). */
export class AbortLine {}

/** Ctrl+C reached a checkpoint: the statement unwinds (subshells and loops let it through) with status 130. */
export class InterruptSignal {}
