// `nft` inside a kind node (`docker exec NODE nft list …`): the node's nftables ruleset as nftables 1.0.x prints it.
// kube-proxy's `ip kube-proxy` table exists only in nftables mode; iptables-nft's tables always do.
import type { CommandIO } from '../command.ts'
import type { NodeRules } from '../../engine/dataplane/types.ts'
import { renderNftRuleset, renderNftTable } from '../../engine/dataplane/nftables/list.ts'
import type { NftTable } from '../../engine/dataplane/nftables/types.ts'

const FAMILIES = ['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']

/** nft's error for an object that is not there: the command echoed with carets under the name. */
function notFound(io: CommandIO, words: string[], index: number): number {
  const line = words.join(' ')
  const start = words.slice(0, index).join(' ').length + (index ? 1 : 0)
  io.err(`Error: No such file or directory\n${line}\n${' '.repeat(start)}${'^'.repeat(words[index].length)}\n`)
  return 1
}

/** The part of a table `nft list chain|set|map` prints: the table header around one chain or set. */
function only(table: NftTable, kind: 'chain' | 'set' | 'map', name: string): string | undefined {
  const text = renderNftTable(table)
  const blocks = text.split('\n\n')
  const header = kind === 'chain' ? `\tchain ${name} {` : `\t${kind} ${name} {`
  const block = blocks.map((b) => b.replace(/^table [^\n]*\n(\tcomment [^\n]*\n)?/, '').replace(/\n}\n$/, '')).find((b) => b.startsWith(header))
  return block ? `table ${table.family} ${table.name} {\n${block}\n}\n` : undefined
}

export function nftCommand(io: CommandIO, args: string[], rules: NodeRules): number {
  if (args[0] !== 'list' || !args[1]) {
    io.err(args.length ? `Error: syntax error, unexpected ${args[0]}\n${args.join(' ')}\n${'^'.repeat(args[0].length)}\n` : 'Error: no commands specified\n')
    return 1
  }
  const [what, ...rest] = args.slice(1)
  if (what === 'ruleset') { io.out(renderNftRuleset(rules)); return 0 }
  if (what === 'tables') {
    io.out(['table ip nat', 'table ip filter', 'table ip mangle', ...(rules.nft ? ['table ip kube-proxy'] : [])].join('\n') + '\n')
    return 0
  }
  if (!['table', 'chain', 'set', 'map'].includes(what)) {
    io.err(`Error: syntax error, unexpected ${what}\nlist ${what}\n     ${'^'.repeat(what.length)}\n`)
    return 1
  }
  // The family is optional and defaults to ip.
  const family = FAMILIES.includes(rest[0]) ? rest.shift()! : 'ip'
  const [tableName, objName] = rest
  const words = ['list', what, family, ...rest]
  const nameIndex = words.length - rest.length
  if (!tableName || (what !== 'table' && !objName)) { io.err(`Error: syntax error, unexpected end of file\n${words.join(' ')}\n`); return 1 }
  if (family !== 'ip' || tableName !== 'kube-proxy' || !rules.nft) {
    // iptables-nft's own tables are listed with the ruleset; kubehop lists kube-proxy's table on its own.
    if (family === 'ip' && ['nat', 'filter', 'mangle'].includes(tableName) && what === 'table') {
      const all = renderNftRuleset({ ...rules, nft: undefined })
      io.out(all.split(/(?=^table )/m).find((t) => t.startsWith(`table ip ${tableName} `)) ?? '')
      return 0
    }
    return notFound(io, words, nameIndex)
  }
  if (what === 'table') { io.out(renderNftTable(rules.nft)); return 0 }
  const text = only(rules.nft, what as 'chain' | 'set' | 'map', objName)
  if (!text) return notFound(io, words, nameIndex + 1)
  io.out(text)
  return 0
}
