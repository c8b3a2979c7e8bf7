# Behaviour 4: replicas spread over the schedulable nodes; kind's control plane is tainted when workers exist.
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl scale deployment web --replicas=6
kubectl get pods -o wide
kubectl get deployment web
kubectl describe node kind-control-plane | grep Taints
kubectl scale deployment web --replicas=1
kubectl get pods
