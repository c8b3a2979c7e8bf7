// The kubehop shell language: parse and run bash-like scripts against an injected command runner.
export { parseScript } from './parser.ts'
export { iterateScript, runScript, ScriptRun, type Slice } from './interpreter.ts'
export { createShellState } from './state.ts'
export { loopNotice } from './executor.ts'
export { ShellSyntaxError } from './types.ts'
export type { Chunk, CommandResult, CommandRunner, ExecRequest, RunOptions, ShellState, StatementRecord } from './types.ts'
export type { Script, Statement } from './ast.ts'
export { needsMoreInput } from './completeness.ts'
