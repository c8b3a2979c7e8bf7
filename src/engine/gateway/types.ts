// The Gateway API v1 shapes kubehop reads (sigs.k8s.io/gateway-api apis/v1: gateway_types.go,
// httproute_types.go, shared_types.go), as plain JSON: only the fields the simulation uses.

export const GATEWAY_GROUP = 'gateway.networking.k8s.io'

export interface Listener {
  name: string
  hostname?: string
  port: number
  protocol: string
  allowedRoutes?: { namespaces?: { from?: 'Same' | 'All' | 'Selector' } }
  tls?: GatewayTLSConfig
}

/** A listener's TLS: Terminate (the default) with certificateRefs to Secrets, or Passthrough (TLSRoute only). */
interface GatewayTLSConfig {
  mode?: 'Terminate' | 'Passthrough'
  certificateRefs?: { group?: string; kind?: string; name: string; namespace?: string }[]
}

export interface ParentRef {
  group?: string
  kind?: string
  namespace?: string
  name: string
  sectionName?: string
  port?: number
}

export interface HTTPPathMatch { type?: 'Exact' | 'PathPrefix' | 'RegularExpression'; value?: string }
export interface HTTPHeaderMatch { type?: 'Exact' | 'RegularExpression'; name: string; value: string }

export interface HTTPRouteMatch {
  path?: HTTPPathMatch
  headers?: HTTPHeaderMatch[]
  queryParams?: HTTPHeaderMatch[]
  method?: string
}

interface HTTPHeader { name: string; value: string }

export interface HTTPRouteFilter {
  type: 'RequestHeaderModifier' | 'ResponseHeaderModifier' | 'RequestMirror' | 'RequestRedirect' | 'URLRewrite' | 'ExtensionRef'
  requestHeaderModifier?: { set?: HTTPHeader[]; add?: HTTPHeader[]; remove?: string[] }
  requestRedirect?: { scheme?: string; hostname?: string; port?: number; statusCode?: number; path?: { type: 'ReplaceFullPath' | 'ReplacePrefixMatch'; replaceFullPath?: string; replacePrefixMatch?: string } }
  urlRewrite?: { hostname?: string; path?: { type: 'ReplaceFullPath' | 'ReplacePrefixMatch'; replaceFullPath?: string; replacePrefixMatch?: string } }
}

export interface HTTPBackendRef {
  group?: string
  kind?: string
  name: string
  namespace?: string
  port?: number
  weight?: number
}

export interface HTTPRouteRule {
  name?: string
  matches?: HTTPRouteMatch[]
  filters?: HTTPRouteFilter[]
  backendRefs?: HTTPBackendRef[]
}

export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason: string
  message: string
  observedGeneration?: number
  lastTransitionTime?: string
}
