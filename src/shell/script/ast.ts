// Syntax tree of the shell language; words keep their quoting so expansion can split like bash.

export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; op?: ParamOp; arg?: Word; repl?: Word; quoted: boolean }
  | { kind: 'cmdsub'; body: ListNode; quoted: boolean }
  | { kind: 'arith'; expr: Word; quoted: boolean }

type ParamOp =
  | ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?'
  | '#' | '##' | '%' | '%%' | '/' | '//' | 'len' | ':' | '^^' | ',,' | '^' | ','
  /** A malformed ${...}; bash says "bad substitution" when it runs. */
  | 'bad'

export interface Word { parts: WordPart[]; raw: string }

export type Redirect =
  | { kind: 'file'; fd: number; op: '>' | '>>' | '<' | '&>' | '&>>'; target: Word }
  | { kind: 'dup'; fd: number; op: '>&' | '<&'; target: Word }
  | { kind: 'heredoc'; fd: number; delimiter: string; expand: boolean; stripTabs: boolean; line: number; body: Word | null }
  | { kind: 'herestring'; fd: number; word: Word }

export interface Assignment { name: string; value: Word; append: boolean }

export interface SimpleCommand { kind: 'simple'; assigns: Assignment[]; words: Word[]; redirects: Redirect[] }
interface ForCommand { kind: 'for'; name: string; words: Word[] | null; body: ListNode; redirects: Redirect[] }
interface ArithForCommand { kind: 'arithfor'; init: Word; cond: Word; step: Word; body: ListNode; redirects: Redirect[] }
interface WhileCommand { kind: 'while'; until: boolean; cond: ListNode; body: ListNode; redirects: Redirect[] }
interface IfCommand { kind: 'if'; clauses: { cond: ListNode; body: ListNode }[]; elseBody: ListNode | null; redirects: Redirect[] }
interface GroupCommand { kind: 'group' | 'subshell'; body: ListNode; redirects: Redirect[] }
interface ArithCommand { kind: 'arithcmd'; expr: Word; redirects: Redirect[] }

export type Command = SimpleCommand | ForCommand | ArithForCommand | WhileCommand | IfCommand | GroupCommand | ArithCommand

export interface Pipeline { negate: boolean; commands: Command[]; pipeStderr: boolean[] }
export interface AndOr {
  first: Pipeline
  rest: { op: '&&' | '||'; pipeline: Pipeline }[]
  /** Ended by `&`: run as a background job. */
  background?: boolean
}
export interface ListNode { items: AndOr[] }

export interface Statement {
  source: string
  line: number
  list: ListNode
  /** Parse-time warnings bash prints before running the statement (heredoc cut by end of file). */
  warnings: string[]
}

export interface Script { statements: Statement[] }
