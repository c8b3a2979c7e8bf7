// The cluster-wide settings the controllers, the nodes' runtime, the cloud provider and the network all read.
// It lives beside the API types, below every layer that uses it, so none of them imports the Cluster itself.
export interface ClusterConfig {
  clusterDomain: string
  /** The kubelet's --cluster-dns: the kube-dns Service IP written into pods' resolv.conf. */
  clusterDNS: string
  clusterCIDR: string
  serviceCIDR: string
}
