// MetalLB's API group and the names its native manifest gives its namespace and components (config/manifests/metallb-native.yaml).
export const METALLB_GROUP = 'metallb.io'
export const METALLB_NAMESPACE = 'metallb-system'
