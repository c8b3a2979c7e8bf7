// The Corefile kubeadm (and so kind and minikube) installs in the coredns ConfigMap (kube-system/coredns),
// from kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go (CoreDNS 1.11).

export function defaultCorefile(clusterDomain = 'cluster.local'): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${clusterDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${clusterDomain}
       disable denial ${clusterDomain}
    }
    loop
    reload
    loadbalance
}
`
}

export const KUBERNETES_PLUGIN_LINE = (domain: string) => `kubernetes ${domain} in-addr.arpa ip6.arpa`
export const FORWARD_PLUGIN_LINE = 'forward . /etc/resolv.conf'
