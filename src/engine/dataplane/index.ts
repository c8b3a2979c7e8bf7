// The dataplane's public API: compile a node's kube-proxy rules, print them, trace packets through them.
export type * from './types'
export { compileProxyRules, compileProxyRulesForNodes, type ProxierNode } from './kube-proxy/proxier'
export { renderIptablesSave, type SaveOptions } from './kube-proxy/iptables-save'
export { serviceChainNames, endpointChainName, servicePortName } from './kube-proxy/chain-names'
export { traceNodePacket, newNodeDataplaneState, confirmConnection, closeConnection } from './tracer'
export { renderConntrackList, newConntrackTable, expireConntrack } from './conntrack'
