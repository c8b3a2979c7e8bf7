// ApisixRoute's additionalPrinterColumns, as its v2 version declares them in apisix-ingress-controller 1.5's CRD (priority 1:
// only with -o wide): what `kubectl get ar` shows. Upstream: apache/apisix-helm-chart charts/apisix-ingress-controller/crds/customresourcedefinitions.yaml.

export const APISIX_ROUTE_COLUMNS = [
  { name: 'Hosts', type: 'string', jsonPath: '.spec.http[].match.hosts', priority: 0 },
  { name: 'URIs', type: 'string', jsonPath: '.spec.http[].match.paths', priority: 0 },
  { name: 'Target Service(HTTP)', type: 'string', jsonPath: '.spec.http[].backends[].serviceName', priority: 1 },
  { name: 'Ingress Server Port(TCP)', type: 'integer', jsonPath: '.spec.tcp[].match.ingressPort', priority: 1 },
  { name: 'Target Service(TCP)', type: 'string', jsonPath: '.spec.tcp[].match.backend.serviceName', priority: 1 },
  { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', priority: 0 },
]
