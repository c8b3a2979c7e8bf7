// Turns the walk's events into the TRACE hops of the CLI contract, each with one sentence for a learner.
import { savedProbability } from './kube-proxy/rule-text'
import type { Addr, Hop, MatchModule, NodeRules, Rule } from './types'
import type { WalkEvent } from './walker'
import { chainOf } from './rule-index'
import { formatAddr } from '../trace/builder'

/** `ip:port`, or the bare IP when there is no port (ICMP). */
export const fmtAddr: (a: Addr) => string = formatAddr

const comments = new WeakMap<Rule, string | null>()

/** The rule's `--comment` (remembered: rules never change, and notes ask for it on every hop). */
function commentOf(rule: Rule): string | undefined {
  let c = comments.get(rule)
  if (c === undefined) {
    c = rule.matches.find((m): m is Extract<MatchModule, { module: 'comment' }> => m.module === 'comment')?.comment ?? null
    comments.set(rule, c)
  }
  return c ?? undefined
}

/** `namespace/name[:port]` of the service a kube-proxy rule belongs to, from its comment. */
export function serviceOf(rule: Rule): string | undefined {
  if (serviceMemo.has(rule)) return serviceMemo.get(rule)
  const c = commentOf(rule)
  const m = c ? /^(?:masquerade (?:LOCAL )?traffic for |pod traffic for |route LOCAL traffic for |other traffic to )?([a-z0-9-]+\/[a-z0-9.-]+(?::[A-Za-z0-9-]+)?)/.exec(c) : null
  serviceMemo.set(rule, m?.[1])
  return m?.[1]
}

/** serviceOf per rule (rules never change; the tracer asks for every new connection). */
const serviceMemo = new WeakMap<Rule, string | undefined>()

function isSignificant(e: WalkEvent): boolean {
  if (e.kind === 'mark') return e.rule.target.kind !== 'MARK' || e.rule.target.mask !== 0
  return e.kind !== 'jump' && e.kind !== 'policy'
}

/** Whether the walk's event `i` makes a hop: a jump only when something happened inside the chain it entered. */
function kept(events: WalkEvent[], i: number): boolean {
  const e = events[i]
  if (e.kind === 'policy') return e.table === 'filter' && (e.chain === 'FORWARD' || e.chain === 'INPUT')
  if (e.kind !== 'jump') return isSignificant(e)
  for (let j = i + 1; j < events.length && events[j].kind !== 'policy' && (events[j] as { depth: number }).depth > e.depth; j++) {
    if (isSignificant(events[j])) return true
  }
  return false
}

/** Position of the endpoint a KUBE-SVC/KUBE-SVL rule leads to, among the chain's load-balancing rules. */
function endpointPosition(rules: NodeRules, rule: Rule): { index: number; count: number } {
  let pos = positions.get(rule)
  if (!pos) {
    const chain = chainOf(rules.tables.nat, rule.chain)
    const cascade = (chain?.rules ?? []).filter((r) => r.target.kind === 'jump' && r.target.chain.startsWith('KUBE-SEP-') && !r.matches.some((m) => m.module === 'recent'))
    pos = { index: cascade.indexOf(rule) + 1, count: cascade.length }
    positions.set(rule, pos)
  }
  return pos
}

/** endpointPosition per rule: a compiled chain never changes (kube-proxy's next sync makes new rule objects). */
const positions = new WeakMap<Rule, { index: number; count: number }>()

/** A jump's note: fixed by the rule, or written from the packet it saw (only its source IP and destination). */
type JumpNote = string | ((e: WalkEvent) => string)

/** Each jump rule's note, worked out once (rules never change; the tracer asks for every new connection). */
const jumpNotes = new WeakMap<Rule, JumpNote>()

function cachedJumpNote(rules: NodeRules, rule: Rule, e: WalkEvent): string {
  let note = jumpNotes.get(rule)
  if (note === undefined) jumpNotes.set(rule, (note = jumpNote(rules, rule)))
  return typeof note === 'string' ? note : note(e)
}

function jumpNote(rules: NodeRules, rule: Rule): JumpNote {
  const target = rule.target.kind === 'jump' ? rule.target.chain : ''
  const c = commentOf(rule) ?? ''
  const svc = serviceOf(rule)
  const filterHook = rule.chain === 'INPUT' || rule.chain === 'FORWARD' || (rule.chain === 'OUTPUT' && rule.matches.some((m) => m.module === 'conntrack'))
  if (filterHook || rule.chain === 'KUBE-FIREWALL') {
    switch (target) {
      case 'KUBE-FORWARD': return 'kube-proxy\'s forwarding rules decide whether the node may forward this packet.'
      case 'KUBE-SERVICES': return 'A new connection: kube-proxy\'s filter rules check that its service has endpoints.'
      case 'KUBE-EXTERNAL-SERVICES': return 'A new connection: kube-proxy\'s filter rules check the external addresses and node ports of services.'
      case 'KUBE-PROXY-FIREWALL': return 'A new connection: kube-proxy checks the load balancers\' source ranges.'
      case 'KUBE-NODEPORTS': return 'kube-proxy checks whether this is a health check node port.'
      case 'KUBE-FIREWALL': return 'kubelet\'s firewall checks connections to 127.0.0.0/8.'
    }
  }
  if (target === 'KUBE-SERVICES') {
    return rule.chain === 'OUTPUT'
      ? 'A packet sent by the node itself is checked against kube-proxy\'s service rules (nat OUTPUT → KUBE-SERVICES).'
      : 'Every packet entering the node is checked against kube-proxy\'s service rules (nat PREROUTING → KUBE-SERVICES).'
  }
  if (target === 'CNI-HOSTPORT-DNAT') return (e) => `${e.before.dst.ip} is an address of this node, so the CNI portmap plugin's chain checks whether port ${e.before.dst.port} is a pod's hostPort.`
  if (target.startsWith('CNI-DN-')) return (e) => `Port ${e.before.dst.port} is a hostPort of the pod sandbox ${c.split('id: "')[1]?.slice(0, 12) ?? ''} on this node: its own chain ${target} rewrites it.`
  if (target === 'DOCKER_OUTPUT') return 'kind pointed the node\'s DNS at the docker network\'s gateway: Docker\'s embedded-DNS rules take it.'
  if (target === 'KUBE-POSTROUTING') return 'Before the packet leaves, kube-proxy checks whether it was marked for masquerading.'
  if (target === 'KUBE-NODEPORTS') return (e) => `${e.before.dst.ip} is an address of this node, so kube-proxy checks whether port ${e.before.dst.port} is a node port.`
  if (rule.chain === 'KUBE-SERVICES') {
    if (c.endsWith(' cluster IP')) return (e) => `${fmtAddr(e.before.dst)} is the cluster IP of ${svc}, so the packet goes to that service's chain.`
    if (c.endsWith(' external IP')) return (e) => `${fmtAddr(e.before.dst)} is an external IP of ${svc}, so the packet goes to the service's external chain.`
    if (c.endsWith(' loadbalancer IP')) return (e) => `${fmtAddr(e.before.dst)} is the load-balancer IP of ${svc}, so the packet goes to the service's ${target.startsWith('KUBE-FW-') ? 'firewall' : 'external'} chain.`
  }
  if (rule.chain === 'KUBE-NODEPORTS') return (e) => `Port ${e.before.dst.port} is the node port of ${svc}.`
  if (rule.chain.startsWith('KUBE-FW-')) return (e) => `The client ${e.before.src.ip} is inside the service's loadBalancerSourceRanges (${rule.source?.cidr}), so it is let in.`
  if (rule.chain.startsWith('KUBE-EXT-')) {
    if (c.startsWith('pod traffic')) return (e) => `The client ${e.before.src.ip} is a pod, so it may use any endpoint, as if it had gone out to the load balancer and back.`
    if (c.startsWith('route LOCAL')) return 'The node itself is the client, so any endpoint in the cluster may serve it.'
    if (target.startsWith('KUBE-SVL-')) return 'externalTrafficPolicy is Local: only endpoints on this node are used, and the client address is kept.'
    return 'externalTrafficPolicy is Cluster: an endpoint on any node may serve the packet.'
  }
  if (target.startsWith('KUBE-SEP-')) {
    const recent = rule.matches.find((m): m is Extract<MatchModule, { module: 'recent' }> => m.module === 'recent')
    const ep = c.split(' -> ')[1] ?? target
    if (recent) return (e) => `Session affinity (ClientIP): ${e.before.src.ip} reached ${ep} less than ${recent.seconds} seconds ago, so it goes there again.`
    const { index, count } = endpointPosition(rules, rule)
    if (count <= 1) return `${svc} has one endpoint${rule.chain.startsWith('KUBE-SVL-') ? ' on this node' : ''}: ${ep}.`
    const stat = rule.matches.find((m): m is Extract<MatchModule, { module: 'statistic' }> => m.module === 'statistic')
    return stat
      ? `Endpoint ${index} of ${count} (${ep}) picked at random for this new connection: this rule matches with probability ${savedProbability(stat.probability)}.`
      : `Endpoint ${index} of ${count} (${ep}) picked: the earlier random rules did not match, so the last one always does.`
  }
  return `The packet matches this rule and continues in ${target}.`
}

function markNote(rule: Rule, e: WalkEvent): string {
  const c = commentOf(rule) ?? ''
  if (rule.chain.startsWith('KUBE-SEP-')) return `The pod ${e.before.src.ip} is calling itself through the service (hairpin), so the packet is marked for masquerading.`
  if (rule.source?.negate) return `The client ${e.before.src.ip} is not a pod (outside ${rule.source.cidr}), so the packet is marked for masquerading.`
  if (c.startsWith('masquerade LOCAL')) return 'The node itself is the client, so the packet is marked for masquerading.'
  if (c.startsWith('masquerade traffic')) return 'The endpoint may be on another node, so the packet is marked for masquerading (SNAT) to make replies come back through this node.'
  return 'The packet is marked for masquerading.'
}

function terminalNote(rule: Rule, e: Extract<WalkEvent, { kind: 'terminal' }>): string {
  const c = commentOf(rule) ?? ''
  const svc = serviceOf(rule)
  if (e.verdict === 'REJECT') return `${svc ?? 'The service'} has no endpoints: the node answers with ICMP port unreachable, which the client reports as "connection refused".`
  if (e.verdict === 'DROP') {
    if (c.endsWith('has no local endpoints')) return `${svc} has no endpoint on this node and uses traffic policy Local: the packet is dropped and the client waits until it times out.`
    if (rule.chain === 'KUBE-PROXY-FIREWALL') return `The client ${e.before.src.ip} is not in ${svc}'s loadBalancerSourceRanges: the packet is dropped.`
    if (rule.chain === 'KUBE-FIREWALL') return 'Connections from elsewhere to 127.0.0.0/8 are blocked on the node: the packet is dropped.'
    if (rule.chain === 'KUBE-FORWARD') return 'conntrack considers this packet INVALID, so kube-proxy drops it.'
    return 'The packet is dropped.'
  }
  if (rule.chain === 'KUBE-FORWARD') {
    return c === 'kubernetes forwarding rules'
      ? 'The packet carries kube-proxy\'s masquerade mark, so KUBE-FORWARD lets the node forward it.'
      : 'The packet belongs to a known connection, so KUBE-FORWARD lets the node forward it.'
  }
  if (c.endsWith('health check node port')) return `Port ${e.before.dst.port} is ${svc}'s health check node port; the node accepts it.`
  return 'The packet is accepted.'
}

function dnatNote(rule: Rule, dst: string, dstAfter: string): string {
  if (rule.chain.startsWith('CNI-DN-')) return `hostPort ${dst.split(':')[1]}: the CNI portmap plugin's rule on this node (only here) rewrites the destination to the pod, ${dstAfter}.`
  if (rule.chain === 'DOCKER_OUTPUT') return `kind points DNS at ${dst}; Docker's rule sends it on to its embedded DNS server at ${dstAfter}.`
  return `DNAT: the destination changes from ${dst} to the endpoint ${dstAfter}.`
}

function snatNote(rule: Rule, e: WalkEvent): string {
  if (rule.chain === 'KIND-MASQ-AGENT') return `kindnet masquerades traffic leaving the pod network: the source becomes ${e.after.src.ip}.`
  if (rule.chain === 'CNI-HOSTPORT-MASQ') return `The CNI portmap plugin marked this hostPort connection for masquerading (hairpin or from the node itself): the source becomes ${e.after.src.ip}.`
  if (rule.chain === 'DOCKER_POSTROUTING') return `Docker's embedded DNS answers from 127.0.0.11; the reply's source becomes ${fmtAddr(e.after.src)}, the address the query was sent to.`
  return `The packet is marked, so MASQUERADE rewrites its source from ${e.before.src.ip} to ${e.after.src.ip}: the destination will see this node's address, not the client's.`
}

const ACTIONS = { jump: 'jump', mark: 'mark-masq', dnat: 'DNAT', snat: 'SNAT', count: 'match' } as const
const TERMINAL_ACTIONS = { ACCEPT: 'accept', DROP: 'drop', REJECT: 'reject' } as const
const ACTION_OF: Record<string, string> = { ...ACTIONS, terminal: 'drop', policy: 'accept' }

/** One hop literal, keys in the order the JSON output has always had (no spreads or closures: it runs for every hop). */
function makeHop(at: string, src: string, dst: string, srcAfter: string, dstAfter: string, component: Hop['component'], action: string, rule: string, note: string): Hop {
  return { at, src, dst, srcAfter, dstAfter, component, action, rule, note }
}

/** Builds the hops of one node's walk (after pruning); one pass, no callbacks (it runs for every packet a node sees). */
export function eventsToHops(events: WalkEvent[], rules: NodeRules, at: string): Hop[] {
  const hops: Hop[] = []
  for (let i = 0; i < events.length; i++) if (kept(events, i)) hops.push(hopOf(events[i], rules, at))
  return hops
}

/** The chain of each hop eventsToHops builds from `events` (an nftables rule keeps its own chain's name). */
export function eventChains(events: WalkEvent[]): string[] {
  const chains: string[] = []
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    if (kept(events, i)) chains.push(e.kind === 'policy' ? e.chain : e.rule.chain)
  }
  return chains
}

/** `-P CHAIN VERDICT` and its sentence, per chain and verdict (the same few strings for every packet). */
const policyTexts = new Map<string, { rule: string; note: string }>()

function policyText(chain: string, verdict: string): { rule: string; note: string } {
  const key = chain + ' ' + verdict
  let t = policyTexts.get(key)
  if (!t) {
    t = {
      rule: `-P ${key}`,
      note: chain === 'FORWARD'
        ? `No rule stopped the packet; the FORWARD chain's policy ${verdict} lets the node route it on.`
        : `No rule stopped the packet; the INPUT chain's policy ${verdict} delivers it to the node itself.`,
    }
    policyTexts.set(key, t)
  }
  return t
}

function hopOf(e: WalkEvent, rules: NodeRules, at: string): Hop {
  const src = fmtAddr(e.before.src), dst = fmtAddr(e.before.dst)
  // Most rules leave the packet as it was: the same address objects need no second formatting.
  const srcAfter = e.after.src === e.before.src ? src : fmtAddr(e.after.src)
  const dstAfter = e.after.dst === e.before.dst ? dst : fmtAddr(e.after.dst)
  if (e.kind === 'policy') {
    const t = policyText(e.chain, e.verdict)
    return makeHop(at, src, dst, srcAfter, dstAfter, 'node', e.verdict === 'ACCEPT' ? 'accept' : 'drop', t.rule, t.note)
  }
  const rule = e.rule
  // The nftables evaluator writes its own sentence (its chains are not iptables chains).
  if (e.note !== undefined) return makeHop(at, src, dst, srcAfter, dstAfter, e.component ?? 'kube-proxy', e.action ?? ACTION_OF[e.kind], rule.text, e.note)
  const component = rule.chain.startsWith('KUBE-') || (rule.target.kind === 'jump' && rule.target.chain.startsWith('KUBE-')) ? 'kube-proxy'
    : rule.chain.startsWith('CNI-') || (rule.target.kind === 'jump' && rule.target.chain.startsWith('CNI-')) ? 'cni' : 'node'
  switch (e.kind) {
    case 'jump': {
      const pick = rule.target.kind === 'jump' && rule.target.chain.startsWith('KUBE-SEP-')
      return makeHop(at, src, dst, srcAfter, dstAfter, component, pick ? 'pick-endpoint' : 'jump', rule.text, cachedJumpNote(rules, rule, e))
    }
    case 'mark': return makeHop(at, src, dst, srcAfter, dstAfter, component, ACTIONS.mark, rule.text, markNote(rule, e))
    case 'dnat': return makeHop(at, src, dst, srcAfter, dstAfter, component, 'DNAT', rule.text, dnatNote(rule, dst, dstAfter))
    case 'snat': return makeHop(at, src, dst, srcAfter, dstAfter, component, 'SNAT', rule.text, snatNote(rule, e))
    case 'terminal': return makeHop(at, src, dst, srcAfter, dstAfter, component, TERMINAL_ACTIONS[e.verdict], rule.text, terminalNote(rule, e))
    case 'count': return makeHop(at, src, dst, srcAfter, dstAfter, component, 'match', rule.text, `No rule above let the client in; KUBE-PROXY-FIREWALL will drop the packet.`)
  }
}
