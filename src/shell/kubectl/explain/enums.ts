// The `enum` lists kube-apiserver v1.32 serves in its OpenAPI v3 schemas (k8s.io/api `+enum` types) for the
// fields kubehop's kinds carry; kubernetes-types, which the shipped schema is generated from, has no enums.
// Values are sorted, as the OpenAPI generator writes them. Keyed by definition and property name.
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const TRAFFIC = ['Cluster', 'Local']

export const ENUMS: Record<string, string[]> = {
  'ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'ServiceSpec.type': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'ServiceSpec.externalTrafficPolicy': TRAFFIC,
  'ServiceSpec.internalTrafficPolicy': TRAFFIC,
  'ServiceSpec.ipFamilyPolicy': ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  'ServicePort.protocol': PROTOCOLS,
  'ContainerPort.protocol': PROTOCOLS,
  'EndpointPort.protocol': PROTOCOLS,
  'discovery.k8s.io.v1.EndpointPort.protocol': PROTOCOLS,
  'EndpointSlice.addressType': ['FQDN', 'IPv4', 'IPv6'],
  'PodSpec.restartPolicy': ['Always', 'Never', 'OnFailure'],
  'PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'Container.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'PodStatus.phase': ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
  'PodStatus.qosClass': ['BestEffort', 'Burstable', 'Guaranteed'],
  'DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'HTTPIngressPath.pathType': ['Exact', 'ImplementationSpecific', 'Prefix'],
  'Toleration.operator': ['Equal', 'Exists'],
  'Toleration.effect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
}
