// The dataplane's public API: compile a node's kube-proxy rules, print them, trace packets through them.
export type * from './types'
export { compileProxyRules, compileProxyRulesForNodes } from './kube-proxy/proxier'
export { renderIptablesSave } from './kube-proxy/iptables-save'
export { traceNodePacket, newNodeDataplaneState, closeConnection } from './tracer'
export { renderConntrackList } from './conntrack'