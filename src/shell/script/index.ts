// The kubehop shell language: parse and run bash-like scripts against an injected command runner.
export { parseScript } from './parser.ts'
export { iterateScript, runScript } from './interpreter.ts'
export { createShellState } from './state.ts'
export { ShellSyntaxError } from './types.ts'
