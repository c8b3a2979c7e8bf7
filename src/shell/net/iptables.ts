// `iptables [-t TABLE] -S [CHAIN]` inside a kind node: the rules as iptables 1.8.9 (nf_tables) lists them,
// policies and chain declarations first. `-L` (the column view) is not modelled: it says so.
import type { CommandIO } from '../command.ts'
import type { NodeRules, TableName } from '../../engine/dataplane/types.ts'

const V = 'iptables v1.8.9 (nf_tables)'

export function iptablesCommand(io: CommandIO, args: string[], rules: NodeRules): number {
  let table: string = 'filter'
  let list: string | undefined
  let chain: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-t' || a === '--table') table = args[++i] ?? ''
    else if (a === '-S' || a === '--list-rules') { list = 'S'; if (args[i + 1] && !args[i + 1].startsWith('-')) chain = args[++i] }
    else if (a === '-L' || a === '--list') { list = 'L'; if (args[i + 1] && !args[i + 1].startsWith('-')) chain = args[++i] }
    else if (a === '-n' || a === '-v' || a === '--line-numbers' || a === '-w') continue
    else { io.err(`${V}: unknown option "${a}"\nTry \`iptables -h' or 'iptables --help' for more information.\n`); return 2 }
  }
  // iptables-nft creates an unused table on demand: raw and security list their empty built-in chains.
  const empty: Record<string, string[]> = { raw: ['PREROUTING', 'OUTPUT'], security: ['INPUT', 'FORWARD', 'OUTPUT'] }
  if (list === 'S' && empty[table] && !chain) { io.out(empty[table].map((c) => `-P ${c} ACCEPT`).join('\n') + '\n'); return 0 }
  if (!['filter', 'nat', 'mangle'].includes(table)) {
    io.err(`${V}: can't initialize iptables table \`${table}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n`)
    return 3
  }
  if (!list) { io.err(`${V}: no command specified\nTry \`iptables -h' or 'iptables --help' for more information.\n`); return 2 }
  if (list === 'L') { io.err('kubehop: `iptables -L` is not modelled; use `iptables -S` or `iptables-save`.\n'); return 1 }
  const chains = rules.tables[table as TableName].chains
  const selected = chain ? chains.filter((c) => c.name === chain) : chains
  if (chain && !selected.length) { io.err('iptables: No chain/target/match by that name.\n'); return 1 }
  const lines: string[] = []
  for (const c of selected) lines.push(c.policy ? `-P ${c.name} ${c.policy}` : `-N ${c.name}`)
  for (const c of selected) for (const r of c.rules) lines.push(r.text)
  io.out(lines.join('\n') + '\n')
  return 0
}
