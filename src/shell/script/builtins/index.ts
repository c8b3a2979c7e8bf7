// The commands the shell answers itself; every other first word goes to the runner.
import { awk } from './awk.ts'
import { cat } from './cat.ts'
import { cut } from './cut.ts'
import { grep } from './grep.ts'
import { head, tail } from './headtail.ts'
import { printf } from './printf.ts'
import { seq } from './seq.ts'
import * as sh from './shell.ts'
import { sort } from './sort.ts'
import { bracket, doubleBracket, test } from './test.ts'
import { tr } from './tr.ts'
import type { Builtin } from './types.ts'
import { uniq } from './uniq.ts'
import { wc } from './wc.ts'
import { xargs } from './xargs.ts'

const BUILTINS: Readonly<Record<string, Builtin>> = {
  echo: sh.echo, printf, seq, true: sh.trueCmd, false: sh.falseCmd, ':': sh.trueCmd,
  export: sh.exportCmd, unset: sh.unset, alias: sh.alias, unalias: sh.unalias,
  cd: sh.cd, pwd: sh.pwd, exit: sh.exit, set: sh.set, break: sh.breakCmd, continue: sh.continueCmd, read: sh.read,
  test, '[': bracket, '[[': doubleBracket,
  grep, head, tail, wc, sort, uniq, cut, awk, tr, xargs, cat,
}

export function builtinFor(name: string): Builtin | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined
}

export type { Builtin, BuiltinContext } from './types.ts'
