// kind's own Cluster config (kind.x-k8s.io/v1alpha4): not a Kubernetes API type, so not in kubernetes-types;
// the fields kubehop reads, from sigs.k8s.io/kind/pkg/apis/config/v1alpha4/types.go.
export const kindConfigSchema = {
  type: 'object',
  required: ['kind', 'apiVersion'],
  additionalProperties: false,
  properties: {
    kind: { const: 'Cluster', description: 'kind\'s cluster configuration.' },
    apiVersion: { const: 'kind.x-k8s.io/v1alpha4' },
    name: { type: 'string', description: 'Cluster name (default `kind`): nodes are named `<name>-control-plane`, `<name>-worker`, ...' },
    nodes: {
      type: 'array', description: 'The nodes (docker containers) of the cluster; default: one control-plane node.',
      items: {
        type: 'object', additionalProperties: false, required: ['role'],
        properties: {
          role: { enum: ['control-plane', 'worker'], description: 'control-plane nodes are tainted NoSchedule when workers exist.' },
          image: { type: 'string' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          extraPortMappings: {
            type: 'array', description: 'Ports of the node container published on the host (`docker run -p`).',
            items: { type: 'object', additionalProperties: false, properties: {
              containerPort: { type: 'integer' }, hostPort: { type: 'integer' }, listenAddress: { type: 'string' },
              protocol: { enum: ['TCP', 'UDP', 'SCTP'] } } },
          },
          kubeadmConfigPatches: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    networking: {
      type: 'object', additionalProperties: false,
      properties: { podSubnet: { type: 'string' }, serviceSubnet: { type: 'string' }, apiServerPort: { type: 'integer' },
        apiServerAddress: { type: 'string' }, disableDefaultCNI: { type: 'boolean' }, kubeProxyMode: { enum: ['iptables', 'ipvs', 'nftables', 'none'] } },
    },
  },
}
