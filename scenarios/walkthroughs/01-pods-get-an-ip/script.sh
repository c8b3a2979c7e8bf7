# Behaviour 1: every pod gets an IP from its node's pod subnet (kind: 10.244.N.0/24 per node).
kind get nodes
kubectl get nodes -o wide
kubectl apply -f deployment.yaml
kubectl get pods -o wide
POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')
kubectl exec $POD -- hostname -I
kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.podCIDR}{"\n"}{end}'
