// The Corefile kubeadm (and so kind and minikube) installs in the coredns ConfigMap (kube-system/coredns),
// from kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go (CoreDNS 1.11).
// A DNS trace names the Corefile line that decided the answer: these are those lines.

export const KUBERNETES_PLUGIN_LINE = (domain: string) => `kubernetes ${domain} in-addr.arpa ip6.arpa`
export const FORWARD_PLUGIN_LINE = 'forward . /etc/resolv.conf'
