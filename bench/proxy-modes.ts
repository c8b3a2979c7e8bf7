// kube-proxy's two modes at 1, 100 and 1,000 Services (issue 19): rule compilation time, the rules each
// mode programs, and per packet both the rules the kernel tests (iptables walks KUBE-SERVICES rule by rule,
// nftables does one verdict-map lookup) and the simulator's own trace time.
//   npx tsx bench/proxy-modes.ts     (also part of `npm run bench`)
import { compileProxyRulesForNodes, newNodeDataplaneState, traceNodePacket } from '../src/engine/dataplane/index.ts'
import { ruleCounts } from '../src/engine/dataplane/compare.ts'
import { SCALE_NODE, syntheticServices } from '../src/engine/dataplane/scale.ts'
import type { Figure, FigureSource } from './figures.ts'
import { median, table, timed } from './figures.ts'

const NODE = SCALE_NODE

function figuresFor(n: number): Figure[] {
  const base = syntheticServices(n)
  // The packet goes to the last Service: the worst case of iptables' linear KUBE-SERVICES walk.
  const last = base.services[n - 1].spec!.clusterIP!
  const out: Figure[] = []
  for (const mode of ['iptables', 'nftables'] as const) {
    const input = { ...base, proxyMode: mode }
    const compiles = Array.from({ length: n >= 1000 ? 5 : 15 }, () => timed(() => compileProxyRulesForNodes(input, [NODE])).ms)
    const rules = compileProxyRulesForNodes(input, [NODE]).get(NODE.nodeName)!
    const counts = ruleCounts(rules)
    const evaluations = { count: 0 }
    const opts = { random: { float: () => 0.42 }, now: 0, localAddresses: ['172.18.0.3'] }
    const packet = (port: number) => ({ protocol: 'tcp' as const, src: { ip: '10.244.1.9', port }, dst: { ip: last, port: 80 }, origin: 'network' as const })
    traceNodePacket(rules, newNodeDataplaneState(), packet(40000), { ...opts, evaluations })
    const state = newNodeDataplaneState()
    for (let i = 0; i < 200; i++) traceNodePacket(rules, state, packet(20000 + i), opts)
    const per = Array.from({ length: 5 }, (_, k) => timed(() => { for (let i = 0; i < 1000; i++) traceNodePacket(rules, state, packet(30000 + k * 1000 + i), opts) }).ms / 1000)
    const g = `proxy modes, ${n.toLocaleString('en-US')} Service${n === 1 ? '' : 's'}`
    out.push(
      { group: g, name: `${mode}: compile one node's rules`, value: median(compiles), unit: 'ms' },
      { group: g, name: `${mode}: rules programmed`, value: counts.rules, unit: 'count', note: counts.elements ? `+ ${counts.elements} map/set elements` : undefined },
      { group: g, name: `${mode}: rules the kernel tests for one new connection to the last Service`, value: evaluations.count, unit: 'count' },
      { group: g, name: `${mode}: simulator trace of one new connection`, value: median(per) * 1000, unit: 'µs' },
    )
  }
  return out
}

export const proxyModeFigures: FigureSource[] = [1, 100, 1000].map((n) => ({ name: `proxy modes ${n}`, run: () => figuresFor(n) }))

if (process.argv[1]?.endsWith('bench/proxy-modes.ts')) {
  console.log(table(proxyModeFigures.flatMap((s) => s.run() as Figure[])))
}
