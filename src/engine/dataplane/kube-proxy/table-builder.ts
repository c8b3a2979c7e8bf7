// Accumulates chains and rules for one table, then orders them the way iptables-save lists them.
import type { Chain, Rule, Table, TableName } from '../types'
import { rule } from './rule-text'

/** Built-in chains per table, in the order iptables-save prints them. */
const BUILTIN_CHAINS: Record<TableName, string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
}

const BUILTIN_SETS: Record<TableName, Set<string>> = {
  mangle: new Set(BUILTIN_CHAINS.mangle), filter: new Set(BUILTIN_CHAINS.filter), nat: new Set(BUILTIN_CHAINS.nat),
}

export class TableBuilder {
  private chains = new Map<string, Rule[]>()

  constructor(readonly name: TableName) {
    for (const builtin of BUILTIN_CHAINS[name]) this.chains.set(builtin, [])
  }

  /** Declares a chain (`:NAME - [0:0]`); declaring twice keeps the existing rules. */
  chain(name: string): this {
    if (!this.chains.has(name)) this.chains.set(name, [])
    return this
  }

  add(spec: Omit<Rule, 'text'>): this {
    return this.push(rule(spec))
  }

  /** Appends a rule built elsewhere (rules are never modified, so several nodes' tables may share one). */
  push(r: Rule): this {
    let list = this.chains.get(r.chain)
    if (!list) this.chains.set(r.chain, (list = []))
    list.push(r)
    return this
  }

  build(): Table {
    const builtins = BUILTIN_CHAINS[this.name]
    // iptables lists user chains sorted by name with strcmp, i.e. by code unit, not by locale.
    const user = [...this.chains.keys()].filter((c) => !BUILTIN_SETS[this.name].has(c)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const chains: Chain[] = [
      ...builtins.map((name) => ({ name, policy: 'ACCEPT' as const, rules: this.chains.get(name)! })),
      ...user.map((name) => ({ name, rules: this.chains.get(name)! })),
    ]
    return { name: this.name, chains }
  }
}
